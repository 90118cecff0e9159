package org.gongji.api.spi.account;

/** What a personal-account payment is for. */
public enum AccountPurpose {
    /** Own-share cost at a designated medical institution. */
    MEDICAL_COST,
    /** Own-share cost of medicines, devices or consumables at a designated retail pharmacy. */
    PHARMACY_PURCHASE,
    /** 城乡居民基本医疗保险 个人缴费. */
    RESIDENT_INSURANCE_PREMIUM,
    /** 职工大额医疗费用补助 个人缴费. */
    SUPPLEMENTARY_LARGE_EXPENSE_PREMIUM,
    /** 长期护理保险 个人缴费. */
    LONG_TERM_CARE_PREMIUM,
    /** 政府指导的普惠型商业医疗保险. */
    INCLUSIVE_COMMERCIAL_INSURANCE_PREMIUM,
    /** 公共卫生费用 (always refused by the national framework). */
    PUBLIC_HEALTH,
    /** 体育健身. */
    FITNESS,
    /** 养生保健消费. */
    WELLNESS
}
