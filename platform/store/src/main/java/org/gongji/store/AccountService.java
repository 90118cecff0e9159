package org.gongji.store;

import java.time.YearMonth;
import org.gongji.api.region.RegionCode;

/** Personal accounts: statements, monthly credits, family payments. */
public interface AccountService {

    /** @throws org.gongji.api.error.GongjiException {@code UNKNOWN_PERSON} */
    AccountStatement statement(String personId);

    /**
     * Credits every person of the region for the month under the rules serving them on the month's
     * first day; a province's run includes the persons of its cities that have no bundle of their
     * own. A person already credited for that month is skipped, so running the same month again
     * credits nobody twice. Runs as a job (chunks that take turns with settlements) and waits for it.
     *
     * @throws org.gongji.api.error.GongjiException {@code DATE_IN_FUTURE}, {@code BENEFIT_NOT_COVERED},
     *         {@code REGION_NOT_DEPLOYED}, or the code the job failed with
     */
    Booked<CreditingResult> creditMonth(RegionCode region, YearMonth month, WriteContext context);

    /**
     * As {@link #creditMonth}, as a job ({@code account-credit}): returns once the job is stored,
     * after the same checks (a refusal stores nothing). The same idempotency key and request as an
     * earlier {@code creditMonth} or submission returns that job.
     */
    Booked<JobRecord> submitCrediting(RegionCode region, YearMonth month, WriteContext context);

    /** The answer of a {@code DONE} crediting job. */
    CreditingResult creditingResult(JobRecord job);

    /**
     * Pays from the payer's account where the payer's region allows the relation and purpose.
     *
     * @throws org.gongji.api.error.GongjiException {@code ACCOUNT_USE_NOT_ALLOWED}, {@code INSUFFICIENT_BALANCE}
     */
    Booked<PaymentRecord> pay(FamilyPayment payment, WriteContext context);
}
