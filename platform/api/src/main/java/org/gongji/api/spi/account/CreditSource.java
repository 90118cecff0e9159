package org.gongji.api.spi.account;

/** Where a monthly account credit comes from. */
public enum CreditSource {
    /** The employed person's own contribution (个人缴纳的基本医疗保险费). */
    OWN_CONTRIBUTION,
    /** The part of the employer's contribution still credited to the account during a transition. */
    EMPLOYER_CONTRIBUTION,
    /** A fixed amount from the pooled fund (退休人员 定额划入). */
    POOLED_FUND
}
