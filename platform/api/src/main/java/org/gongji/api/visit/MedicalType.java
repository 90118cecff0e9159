package org.gongji.api.visit;

/** 医疗类别. */
public enum MedicalType {
    /** 普通门诊, including a pharmacy purchase on an external prescription. */
    GENERAL_OUTPATIENT,
    /** 门诊慢特病. */
    CHRONIC_OUTPATIENT,
    /** 日间手术. */
    DAY_SURGERY,
    /** 住院. */
    INPATIENT,
    /** 日间病房: a day ward's treatment, settled on inpatient terms where the region says so (济南 三.12). */
    DAY_WARD
}
