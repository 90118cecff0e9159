package org.gongji.store;

import java.util.List;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.ProviderPaymentMethod;

/**
 * Pays the institutions of a region for a period by one method (按人头, DIP, 按项目): a run is first a
 * {@link PaymentRunStatus#DRAFT}, then confirmed (the period closes for the method), and a confirmed
 * run may be revoked (the period reopens). A region's period has one live (not revoked) run per
 * method: running it again with the same inputs returns the live run ({@link Booked#replayed()});
 * a draft is replaced (the old one {@code REVOKED}) when the inputs or the period's settlements
 * changed; a confirmed run with other inputs is refused with {@code IDEMPOTENCY_CONFLICT}; a period
 * overlapping a live one of the method (a month of a quarter) with {@code INVALID_REQUEST}.
 */
public interface ProviderPaymentService {

    /** Computes the run as a {@code DRAFT}: books nothing, closes nothing. */
    Booked<PaymentRunRecord> run(PaymentRunRequest request, WriteContext context);

    /**
     * As {@link #run}, as a job ({@code provider-payment}) whose result is the run: returns once the
     * job is stored, after the checks {@code run} makes first.
     */
    Booked<JobRecord> submitRun(PaymentRunRequest request, WriteContext context);

    /** The run a {@code DONE} provider-payment job computed, and whether it had been computed before. */
    Booked<PaymentRunRecord> runOf(JobRecord job);

    /**
     * Confirms a draft: it becomes {@code CONFIRMED} and closes the period for its method.
     *
     * @throws org.gongji.api.error.GongjiException {@code UNKNOWN_PAYMENT_RUN}; {@code PAYMENT_RUN_STATE} unless a
     *         draft; {@code PAYMENT_RUN_OUTDATED} when the period's settlements changed since the draft (run again)
     */
    Booked<PaymentRunRecord> confirm(String runId, WriteContext context);

    /**
     * Revokes a confirmed run (清算撤销): it becomes {@code REVOKED} and the period opens again.
     *
     * @throws org.gongji.api.error.GongjiException {@code UNKNOWN_PAYMENT_RUN}; {@code PAYMENT_RUN_STATE} unless confirmed
     */
    Booked<PaymentRunRecord> revoke(String runId, WriteContext context);

    Optional<PaymentRunRecord> find(String runId);

    /** The stored runs of a region and method, oldest period first. */
    List<PaymentRunRecord> runs(RegionCode region, ProviderPaymentMethod method);
}
