package org.gongji.engine;

import java.util.Map;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.Usage;
import org.gongji.api.spi.benefit.YearToDate;

/**
 * What one settlement adds to the person's year: booked with the settlement, taken back by its reversal.
 *
 * @param pools what it adds to named pools (a chronic disease or group, a separately paid drug)
 */
public record AccumulatorDelta(int year, Benefit benefit, Usage usage, Money fundCapUsed, Money criticalIllnessBase,
        Money criticalIllnessPaid, Map<String, Usage> pools) {

    public AccumulatorDelta {
        pools = pools == null || pools.isEmpty() ? Map.of() : Map.copyOf(pools);
    }

    public AccumulatorDelta(int year, Benefit benefit, Usage usage, Money fundCapUsed, Money criticalIllnessBase,
            Money criticalIllnessPaid) {
        this(year, benefit, usage, fundCapUsed, criticalIllnessBase, criticalIllnessPaid, Map.of());
    }

    public YearToDate applyTo(YearToDate ytd) {
        requireYear(ytd);
        return ytd.plus(benefit, usage, fundCapUsed, criticalIllnessBase, criticalIllnessPaid, pools);
    }

    public YearToDate revertFrom(YearToDate ytd) {
        requireYear(ytd);
        return ytd.minus(benefit, usage, fundCapUsed, criticalIllnessBase, criticalIllnessPaid, pools);
    }

    private void requireYear(YearToDate ytd) {
        if (ytd.year() != year) {
            throw new IllegalArgumentException("delta of " + year + " applied to accumulators of " + ytd.year());
        }
    }
}
