package org.gongji.api.spi.payment;

/** How the fund pays providers after the fact. */
public enum ProviderPaymentMethod {
    /** 按人头付费. */
    PER_CAPITA,
    /** 按病种分值付费. */
    DIP,
    /** 按项目付费. */
    PER_ITEM
}
