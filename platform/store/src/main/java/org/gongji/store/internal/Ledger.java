package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.store.LedgerEntry.EntryKind;

/** Moves a personal account: every credit and debit is an entry, and the balance never goes negative. */
final class Ledger {

    private Ledger() {
    }

    /**
     * Locks the person's account row until the transaction ends: every booking for the person
     * goes through here first, so bookings for one person run one after the other.
     */
    static AccountRow lock(EntityManager em, String personId) {
        AccountRow account = em.find(AccountRow.class, personId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + personId);
        }
        return account;
    }

    static EntryRow book(EntityManager em, AccountRow account, LocalDate date, Money amount, EntryKind kind,
            String reference, String note, Instant now) {
        long balance = Math.addExact(account.balanceFen, amount.fen());
        if (balance < 0) {
            throw new GongjiException(ErrorCode.INSUFFICIENT_BALANCE, "the account of " + account.personId + " holds "
                    + Money.ofFen(account.balanceFen) + ", less than " + amount.negate());
        }
        account.balanceFen = balance;
        account.entryCount++;
        account.updatedAt = Rows.utc(now);
        EntryRow entry = new EntryRow();
        entry.personId = account.personId;
        entry.seq = account.entryCount;
        entry.entryDate = date;
        entry.amountFen = amount.fen();
        entry.kind = kind.name();
        entry.reference = reference;
        entry.note = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
        entry.balanceAfterFen = balance;
        entry.bookedAt = Rows.utc(now);
        em.persist(entry);
        return entry;
    }
}
