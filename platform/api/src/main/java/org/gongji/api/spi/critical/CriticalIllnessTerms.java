package org.gongji.api.spi.critical;

import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;

/**
 * What the critical-illness layer applies to one visit.
 *
 * @param scope why this visit's own share counts (e.g. "critical.countsFor = GENERAL_OUTPATIENT ...") and the clause
 * @param deductible the layer's annual deductible on the cumulated own share
 * @param ratio the share of the own share above the deductible that the layer pays
 * @param annualCap what the layer pays at most in a year; null when none
 */
public record CriticalIllnessTerms(Term<String> scope, Term<Money> deductible, Term<Ratio> ratio, Term<Money> annualCap) {

    public CriticalIllnessTerms {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(deductible, "deductible");
        Objects.requireNonNull(ratio, "ratio");
    }
}
