package org.gongji.api.spi.payment;

/** How the fund pays providers after the fact. */
public enum ProviderPaymentMethod {
    /** 按人头付费. */
    PER_CAPITA,
    /** 按病种分值付费. */
    DIP,
    /** 按项目付费. */
    PER_ITEM,
    /** 按疾病诊断相关分组付费 (DRG): ordinary stays, groups with relative weights, the base rate from the budget. */
    DRG,
    /** 按床日付费: long stays (medical rehabilitation, chronic psychiatric care), a rate per bed-day by category and length-of-stay band. */
    BED_DAY
}
