package org.gongji.store;

import java.time.LocalDate;
import org.gongji.api.money.Money;
import org.gongji.api.person.Relation;
import org.gongji.api.region.Citation;
import org.gongji.api.spi.account.AccountPurpose;

/** A booked family payment, with the rule that allowed it and the payer's balance after it. */
public record PaymentRecord(String paymentId, String payerPersonId, String beneficiaryPersonId, Relation relation,
        AccountPurpose purpose, Money amount, LocalDate date, Money balanceAfter, String rule, Citation citation) {
}
