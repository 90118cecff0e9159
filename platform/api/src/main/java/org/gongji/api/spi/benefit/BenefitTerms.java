package org.gongji.api.spi.benefit;

import java.util.List;
import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;

/**
 * What a region decides for one visit under one benefit; the engine does the arithmetic.
 *
 * @param deductible the base deductible (起付标准) before adjustments
 * @param deductibleAdjustments e.g. half for a second admission or for retirees
 * @param ratio the base pay ratio (支付比例) before adjustments
 * @param ratioAdjustments e.g. +10 points for retirees, +5 at the family-doctor institution
 * @param benefitCap the benefit's own annual cap (e.g. general outpatient 1,300); null when none
 * @param fundCap the pooled fund's annual cap (统筹基金年度最高支付限额) this benefit counts toward; null when it does not count
 */
public record BenefitTerms(
        Benefit benefit,
        Term<Money> deductible,
        List<Adjustment> deductibleAdjustments,
        DeductibleMode deductibleMode,
        Term<Ratio> ratio,
        List<Adjustment> ratioAdjustments,
        Term<Money> benefitCap,
        Term<Money> fundCap) {

    public BenefitTerms {
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(deductible, "deductible");
        Objects.requireNonNull(deductibleMode, "deductibleMode");
        Objects.requireNonNull(ratio, "ratio");
        deductibleAdjustments = List.copyOf(deductibleAdjustments);
        ratioAdjustments = List.copyOf(ratioAdjustments);
    }

    public Money effectiveDeductible() {
        Money d = deductible.value();
        for (Adjustment a : deductibleAdjustments) {
            d = a.applyTo(d);
        }
        return d;
    }

    public Ratio effectiveRatio() {
        Ratio r = ratio.value();
        for (Adjustment a : ratioAdjustments) {
            r = a.applyTo(r);
        }
        return r;
    }
}
