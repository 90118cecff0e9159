package org.gongji.payment;

import java.util.Set;
import org.gongji.api.money.Money;
import org.gongji.api.money.Rounding;
import org.gongji.api.visit.FeeLine;

/**
 * The part of a settlement's fund pay that belongs to fee lines the region pays separately: the
 * fund pay in proportion to those lines' in-scope amount (the fund shares only in-scope cost),
 * rounded half-up to the fen; for a settlement that paid such lines under their own terms (单独支付),
 * exactly what it paid for them.
 */
final class FundShare {

    private FundShare() {
    }

    static Money ofSeparatelyPaid(BookedSettlement settlement, Set<String> codes) {
        if (settlement.separatelyPaid().isPositive()) {
            // settled under the drugs' own terms: the amount is known to the fen
            return settlement.separatelyPaid();
        }
        if (codes.isEmpty() || settlement.fundPaid().isZero()) {
            return Money.ZERO;
        }
        long separate = 0;
        long inScope = 0;
        for (FeeLine line : settlement.lines()) {
            long fen = inScope(line);
            inScope += fen;
            if (line.code() != null && codes.contains(line.code())) {
                separate += fen;
            }
        }
        if (separate == 0 || inScope == 0) {
            return Money.ZERO;
        }
        return Money.ofFen(Rounding.halfUp(Math.multiplyExact(settlement.fundPaid().fen(), separate), inScope));
    }

    /** A line's in-scope amount, split as the settlement engine splits it. */
    static long inScope(FeeLine line) {
        return switch (line.catalogueClass()) {
            case A -> line.amount().fen();
            case B -> line.amount().minus(line.amount().times(line.preSelfPayRatio())).fen();
            case C -> 0;
        };
    }
}
