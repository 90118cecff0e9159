package org.gongji.api.spi.benefit;

import java.util.EnumMap;
import java.util.Map;
import org.gongji.api.money.Money;

/**
 * A person's accumulators for one calendar (medical-insurance) year: per benefit, plus what
 * counts toward the pooled fund's annual cap and the critical-illness layer. A new year starts
 * from {@link #empty}.
 *
 * @param fundCapUsed pooled-fund pay counted toward the fund's annual cap
 * @param criticalIllnessBase the person's in-scope own share counted toward the critical-illness (大病) layer
 * @param criticalIllnessPaid what the critical-illness layer has paid
 */
public record YearToDate(int year, Map<Benefit, Usage> usage, Money fundCapUsed, Money criticalIllnessBase,
        Money criticalIllnessPaid) {

    public YearToDate {
        usage = usage.isEmpty() ? Map.of() : Map.copyOf(usage);
    }

    public static YearToDate empty(int year) {
        return new YearToDate(year, Map.of(), Money.ZERO, Money.ZERO, Money.ZERO);
    }

    public Usage usage(Benefit benefit) {
        return usage.getOrDefault(benefit, Usage.NONE);
    }

    /** Admissions settled this year (inpatient visits). */
    public int admissions() {
        return usage(Benefit.INPATIENT).visits();
    }

    /** These accumulators with one settlement's use added. */
    public YearToDate plus(Benefit benefit, Usage used, Money fundCapDelta, Money criticalBaseDelta, Money criticalPaidDelta) {
        Map<Benefit, Usage> next = new EnumMap<>(Benefit.class);
        next.putAll(usage);
        next.merge(benefit, used, Usage::plus);
        return new YearToDate(year, next, fundCapUsed.plus(fundCapDelta), criticalIllnessBase.plus(criticalBaseDelta),
                criticalIllnessPaid.plus(criticalPaidDelta));
    }

    /** These accumulators with one settlement's use taken back (a reversal). */
    public YearToDate minus(Benefit benefit, Usage used, Money fundCapDelta, Money criticalBaseDelta, Money criticalPaidDelta) {
        return plus(benefit, new Usage(used.deductiblePaid().negate(), used.poolPaid().negate(), -used.visits()),
                fundCapDelta.negate(), criticalBaseDelta.negate(), criticalPaidDelta.negate());
    }
}
