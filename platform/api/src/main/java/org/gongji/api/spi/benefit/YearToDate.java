package org.gongji.api.spi.benefit;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.gongji.api.money.Money;

/**
 * A person's accumulators for one calendar (medical-insurance) year: per benefit, plus what
 * counts toward the pooled fund's annual cap and the critical-illness layer, plus named pools a
 * region's terms count a deductible and a limit over (one chronic disease {@code chronic:M03900},
 * a group of diseases {@code chronic.group:SPECIAL}, a separately paid drug {@code drug:XZ001}).
 * A new year starts from {@link #empty}.
 *
 * @param fundCapUsed pooled-fund pay counted toward the fund's annual cap
 * @param criticalIllnessBase the person's in-scope own share counted toward the critical-illness (大病) layer
 * @param criticalIllnessPaid what the critical-illness layer has paid
 * @param pools what each named pool has used, by pool name
 */
public record YearToDate(int year, Map<Benefit, Usage> usage, Money fundCapUsed, Money criticalIllnessBase,
        Money criticalIllnessPaid, Map<String, Usage> pools) {

    public YearToDate {
        usage = usage.isEmpty() ? Map.of() : Map.copyOf(usage);
        pools = pools == null || pools.isEmpty() ? Map.of() : Map.copyOf(pools);
    }

    public YearToDate(int year, Map<Benefit, Usage> usage, Money fundCapUsed, Money criticalIllnessBase,
            Money criticalIllnessPaid) {
        this(year, usage, fundCapUsed, criticalIllnessBase, criticalIllnessPaid, Map.of());
    }

    public static YearToDate empty(int year) {
        return new YearToDate(year, Map.of(), Money.ZERO, Money.ZERO, Money.ZERO, Map.of());
    }

    public Usage usage(Benefit benefit) {
        return usage.getOrDefault(benefit, Usage.NONE);
    }

    /** What a named pool has used this year; {@link Usage#NONE} when nothing. */
    public Usage pool(String name) {
        return pools.getOrDefault(name, Usage.NONE);
    }

    /** Admissions settled this year (inpatient visits). */
    public int admissions() {
        return usage(Benefit.INPATIENT).visits();
    }

    /** These accumulators with one settlement's use added. */
    public YearToDate plus(Benefit benefit, Usage used, Money fundCapDelta, Money criticalBaseDelta, Money criticalPaidDelta) {
        return plus(benefit, used, fundCapDelta, criticalBaseDelta, criticalPaidDelta, Map.of());
    }

    /** These accumulators with one settlement's use added, named pools included. */
    public YearToDate plus(Benefit benefit, Usage used, Money fundCapDelta, Money criticalBaseDelta, Money criticalPaidDelta,
            Map<String, Usage> poolDeltas) {
        Map<Benefit, Usage> next = new EnumMap<>(Benefit.class);
        next.putAll(usage);
        next.merge(benefit, used, Usage::plus);
        Map<String, Usage> nextPools = pools;
        if (!poolDeltas.isEmpty()) {
            nextPools = new TreeMap<>(pools);
            for (Map.Entry<String, Usage> e : poolDeltas.entrySet()) {
                nextPools.merge(e.getKey(), e.getValue(), Usage::plus);
            }
            nextPools.values().removeIf(u -> u.equals(Usage.NONE));
        }
        return new YearToDate(year, next, fundCapUsed.plus(fundCapDelta), criticalIllnessBase.plus(criticalBaseDelta),
                criticalIllnessPaid.plus(criticalPaidDelta), nextPools);
    }

    /** These accumulators with one settlement's use taken back (a reversal). */
    public YearToDate minus(Benefit benefit, Usage used, Money fundCapDelta, Money criticalBaseDelta, Money criticalPaidDelta) {
        return minus(benefit, used, fundCapDelta, criticalBaseDelta, criticalPaidDelta, Map.of());
    }

    /** These accumulators with one settlement's use taken back (a reversal), named pools included. */
    public YearToDate minus(Benefit benefit, Usage used, Money fundCapDelta, Money criticalBaseDelta, Money criticalPaidDelta,
            Map<String, Usage> poolDeltas) {
        Map<String, Usage> negated = new TreeMap<>();
        poolDeltas.forEach((k, u) -> negated.put(k, Usage.NONE.minus(u)));
        return plus(benefit, Usage.NONE.minus(used), fundCapDelta.negate(), criticalBaseDelta.negate(),
                criticalPaidDelta.negate(), negated);
    }
}
