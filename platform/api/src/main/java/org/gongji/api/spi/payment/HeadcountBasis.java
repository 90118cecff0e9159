package org.gongji.api.spi.payment;

/** Whom a per-capita rate is paid for. */
public enum HeadcountBasis {
    /** Persons signed with the institution's family doctors (家庭医生签约人数). */
    SIGNED,
    /** Persons enrolled with the institution (参保登记/定点就医人数). */
    ENROLLED,
    /**
     * Persons recognised for a chronic or special disease (门诊慢特病认定人员) the institution treated in the
     * period: each person counted once at every institution where a chronic visit of the period was booked
     * (济南 三.12 门诊慢特病按人头付费).
     */
    RECOGNISED
}
