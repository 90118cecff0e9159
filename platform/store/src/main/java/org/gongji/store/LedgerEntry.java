package org.gongji.store;

import java.time.Instant;
import java.time.LocalDate;
import org.gongji.api.money.Money;

/**
 * One credit (positive) or debit (negative) of a personal account.
 *
 * @param sequence 1, 2, 3 ... per account, in booking order
 * @param reference what the entry is for: a settlement id, a payment id, or the credited month
 * @param balanceAfter the balance once this entry was booked
 */
public record LedgerEntry(long sequence, LocalDate date, Money amount, EntryKind kind, String reference, String note,
        Money balanceAfter, Instant bookedAt) {

    /** Why an account moved. */
    public enum EntryKind {
        /** 个人账户计入, monthly. */
        MONTHLY_CREDIT,
        /** The account share of a settlement (acct_pay). */
        SETTLEMENT,
        /** A settlement's account share given back by its reversal. */
        REVERSAL,
        /** 家庭共济: a payment for the holder's or a close family member's cost or premium. */
        FAMILY_PAYMENT
    }
}
