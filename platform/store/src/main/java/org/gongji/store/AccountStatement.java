package org.gongji.store;

import java.util.List;
import org.gongji.api.money.Money;

/** A personal account (个人账户): the balance and every entry that made it. */
public record AccountStatement(String personId, Money balance, List<LedgerEntry> entries) {

    public AccountStatement {
        entries = List.copyOf(entries);
    }
}
