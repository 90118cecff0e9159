package org.gongji.store;

/**
 * Where a provider payment run stands. {@code DRAFT}: computed, books nothing and closes nothing;
 * {@code CONFIRMED} (by the bureau): the period is closed for the run's method, settlements and
 * reversals dated in it are refused ({@code PERIOD_CLOSED}); {@code REVOKED} (清算撤销): the
 * confirmation is undone and the period open again (a new run of it may follow). A draft replaced
 * by a run with other inputs, or by one over changed settlements, is {@code REVOKED} too.
 */
public enum PaymentRunStatus {
    DRAFT,
    CONFIRMED,
    REVOKED
}
