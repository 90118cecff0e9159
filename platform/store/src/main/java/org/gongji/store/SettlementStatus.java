package org.gongji.store;

/** A booked settlement stays BOOKED until its reversal (撤销). */
public enum SettlementStatus {
    /** Computed but not booked (预结算). */
    PREVIEW,
    BOOKED,
    REVERSED
}
