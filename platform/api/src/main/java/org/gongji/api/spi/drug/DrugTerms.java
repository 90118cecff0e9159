package org.gongji.api.spi.drug;

import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;

/**
 * The terms of one separately paid drug.
 *
 * @param listing the drug's listing (name, from when, the clause)
 * @param dispensedHere whether the institution may dispense it under these terms (designated hospitals
 *                      and pharmacies, 双通道); a line dispensed elsewhere is settled as an ordinary line
 * @param ratio the share of the line's in-scope amount the fund pays, no deductible
 * @param annualCap the drug's own annual limit, counted in the pool {@code drug:<code>}; null when none
 */
public record DrugTerms(String code, Term<String> listing, Term<Boolean> dispensedHere, Term<Ratio> ratio,
        Term<Money> annualCap) {

    public DrugTerms {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(dispensedHere, "dispensedHere");
        Objects.requireNonNull(ratio, "ratio");
    }

    /** The named accumulator of the drug. */
    public String pool() {
        return "drug:" + code;
    }
}
