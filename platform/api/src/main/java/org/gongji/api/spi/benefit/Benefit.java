package org.gongji.api.spi.benefit;

/** A benefit with its own deductible, ratio and cap accounting. */
public enum Benefit {
    /** 普通门诊统筹. */
    GENERAL_OUTPATIENT,
    /** 门诊慢特病. */
    CHRONIC_OUTPATIENT,
    /** 住院, and what a region settles like an admission (日间手术). */
    INPATIENT
}
