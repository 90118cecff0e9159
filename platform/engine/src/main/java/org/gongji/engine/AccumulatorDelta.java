package org.gongji.engine;

import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.Usage;
import org.gongji.api.spi.benefit.YearToDate;

/**
 * What one settlement adds to the person's year: booked with the settlement, taken back by its reversal.
 */
public record AccumulatorDelta(int year, Benefit benefit, Usage usage, Money fundCapUsed, Money criticalIllnessBase,
        Money criticalIllnessPaid) {

    public YearToDate applyTo(YearToDate ytd) {
        requireYear(ytd);
        return ytd.plus(benefit, usage, fundCapUsed, criticalIllnessBase, criticalIllnessPaid);
    }

    public YearToDate revertFrom(YearToDate ytd) {
        requireYear(ytd);
        return ytd.minus(benefit, usage, fundCapUsed, criticalIllnessBase, criticalIllnessPaid);
    }

    private void requireYear(YearToDate ytd) {
        if (ytd.year() != year) {
            throw new IllegalArgumentException("delta of " + year + " applied to accumulators of " + ytd.year());
        }
    }
}
