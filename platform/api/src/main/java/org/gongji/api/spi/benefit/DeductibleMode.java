package org.gongji.api.spi.benefit;

/** 起付标准: paid again at every visit, or once a year and cumulated over the year (年度累计). */
public enum DeductibleMode {
    PER_VISIT,
    ANNUAL
}
