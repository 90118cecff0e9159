package org.gongji.api.institution;

/**
 * Level of a designated institution (定点医疗机构等级), plus designated retail pharmacies (定点零售药店).
 */
public enum InstitutionLevel {
    /** 三级. */
    TERTIARY,
    /** 二级. */
    SECONDARY,
    /** 一级及基层: 社区卫生服务中心, 乡镇卫生院. */
    PRIMARY,
    /** 定点零售药店, dispensing on an external prescription (外配处方). */
    PHARMACY
}
