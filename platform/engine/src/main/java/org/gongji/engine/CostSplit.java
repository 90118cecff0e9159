package org.gongji.engine;

import org.gongji.api.money.Money;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.Visit;

/**
 * The fee lines split by catalogue class: total, fully self-paid (class C), pre-self-pay of
 * class B, and what remains in scope for the fund.
 */
record CostSplit(Money total, Money fullySelfPaid, Money preSelfPaid, Money inScope) {

    static CostSplit of(Visit visit) {
        return of(visit.lines());
    }

    static CostSplit of(java.util.List<FeeLine> lines) {
        long total = 0;
        long classC = 0;
        long preSelfPay = 0;
        for (FeeLine line : lines) {
            long fen = line.amount().fen();
            total = Math.addExact(total, fen);
            switch (line.catalogueClass()) {
                case C -> classC += fen;
                case B -> preSelfPay += line.amount().times(line.preSelfPayRatio()).fen();
                case A -> { }
            }
        }
        return new CostSplit(Money.ofFen(total), Money.ofFen(classC), Money.ofFen(preSelfPay),
                Money.ofFen(total - classC - preSelfPay));
    }
}
