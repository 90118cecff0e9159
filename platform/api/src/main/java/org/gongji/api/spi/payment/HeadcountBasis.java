package org.gongji.api.spi.payment;

/** Whom a per-capita rate is paid for. */
public enum HeadcountBasis {
    /** Persons signed with the institution's family doctors (家庭医生签约人数). */
    SIGNED,
    /** Persons enrolled with the institution (参保登记/定点就医人数). */
    ENROLLED
}
