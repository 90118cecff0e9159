package org.gongji.store;

import java.time.YearMonth;
import org.gongji.api.region.RegionCode;

/** Personal accounts: statements, monthly credits, family payments. */
public interface AccountService {

    /** @throws org.gongji.api.error.GongjiException {@code UNKNOWN_PERSON} */
    AccountStatement statement(String personId);

    /**
     * Credits every person of the region for the month under the region's rules in force on the
     * month's first day. A person already credited for that month is skipped, so running the same
     * month again credits nobody twice.
     */
    Booked<CreditingResult> creditMonth(RegionCode region, YearMonth month, WriteContext context);

    /**
     * Pays from the payer's account where the payer's region allows the relation and purpose.
     *
     * @throws org.gongji.api.error.GongjiException {@code ACCOUNT_USE_NOT_ALLOWED}, {@code INSUFFICIENT_BALANCE}
     */
    Booked<PaymentRecord> pay(FamilyPayment payment, WriteContext context);
}
