package org.gongji.api.person;

/** 在职职工 / 退休人员. */
public enum PersonCategory {
    EMPLOYED,
    RETIRED
}
