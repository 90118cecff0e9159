package org.gongji.api.spi.benefit;

import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.region.Citation;

/**
 * A named exception to a base rule (retirees, family-doctor contract, a repeated admission),
 * applied by the engine and shown as its own trace entry.
 */
public sealed interface Adjustment permits Adjustment.AddPoints, Adjustment.ScaleBy {

    /** What the adjustment is, in a few words ("retired", "family-doctor contract"). */
    String name();

    String parameter();

    Citation citation();

    Ratio applyTo(Ratio ratio);

    Money applyTo(Money amount);

    /** Adds (or with a negative number removes) percentage points, in basis points. */
    record AddPoints(String name, int basisPoints, String parameter, Citation citation) implements Adjustment {
        @Override
        public Ratio applyTo(Ratio ratio) {
            return ratio.plusBasisPoints(basisPoints);
        }

        @Override
        public Money applyTo(Money amount) {
            throw new UnsupportedOperationException("points adjust a ratio, not an amount");
        }
    }

    /** Takes a share of the base value (e.g. half the deductible). */
    record ScaleBy(String name, Ratio share, String parameter, Citation citation) implements Adjustment {
        @Override
        public Ratio applyTo(Ratio ratio) {
            return new Ratio((int) org.gongji.api.money.Rounding.halfUp(
                    (long) ratio.basisPoints() * share.basisPoints(), Ratio.ONE_BASIS));
        }

        @Override
        public Money applyTo(Money amount) {
            return amount.times(share);
        }
    }
}
