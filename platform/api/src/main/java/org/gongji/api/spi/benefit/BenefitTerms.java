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
 * @param pool the named accumulator ({@link YearToDate#pool}) an annual deductible and the benefit cap count over
 *             (one chronic disease, a group of diseases); null for the benefit's own accumulator
 * @param countsVisit whether the visit counts as a visit of the benefit (an admission, for inpatient terms):
 *             a day surgery settled on inpatient terms may not count as an admission
 * @param notes what decided the terms beyond the numbers (the disease's group, a day surgery settled on
 *             inpatient terms, a visit in another region), each shown as a trace entry
 */
public record BenefitTerms(
        Benefit benefit,
        Term<Money> deductible,
        List<Adjustment> deductibleAdjustments,
        DeductibleMode deductibleMode,
        Term<Ratio> ratio,
        List<Adjustment> ratioAdjustments,
        Term<Money> benefitCap,
        Term<Money> fundCap,
        String pool,
        boolean countsVisit,
        List<Term<String>> notes) {

    public BenefitTerms {
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(deductible, "deductible");
        Objects.requireNonNull(deductibleMode, "deductibleMode");
        Objects.requireNonNull(ratio, "ratio");
        deductibleAdjustments = List.copyOf(deductibleAdjustments);
        ratioAdjustments = List.copyOf(ratioAdjustments);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public BenefitTerms(Benefit benefit, Term<Money> deductible, List<Adjustment> deductibleAdjustments,
            DeductibleMode deductibleMode, Term<Ratio> ratio, List<Adjustment> ratioAdjustments, Term<Money> benefitCap,
            Term<Money> fundCap) {
        this(benefit, deductible, deductibleAdjustments, deductibleMode, ratio, ratioAdjustments, benefitCap, fundCap,
                null, true, List.of());
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

    /** These terms with more notes for the trace. */
    public BenefitTerms withNotes(List<Term<String>> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Term<String>> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new BenefitTerms(benefit, deductible, deductibleAdjustments, deductibleMode, ratio, ratioAdjustments,
                benefitCap, fundCap, pool, countsVisit, all);
    }

    /** These terms with extra ratio adjustments (a visit in another region without filing). */
    public BenefitTerms withRatioAdjustments(List<Adjustment> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Adjustment> all = new java.util.ArrayList<>(ratioAdjustments);
        all.addAll(more);
        return new BenefitTerms(benefit, deductible, deductibleAdjustments, deductibleMode, ratio, all,
                benefitCap, fundCap, pool, countsVisit, notes);
    }
}
