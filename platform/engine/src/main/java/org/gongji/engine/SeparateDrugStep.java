package org.gongji.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.Usage;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.drug.DrugTerms;
import org.gongji.api.spi.drug.SeparatelyPaidDrugs;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.CatalogueClass;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.Visit;

/**
 * Separately paid negotiated drugs (单独支付): each fee line of a drug the region lists, dispensed
 * where the region allows it, is paid on its own: the line's in-scope amount × the drug's ratio,
 * no deductible, up to the drug's annual limit counted in its own pool. The other lines go on to
 * the visit's benefit.
 */
final class SeparateDrugStep {

    /** What the step paid, the lines left for the benefit, and the pools it used. */
    record Outcome(Money paid, Money overCap, List<FeeLine> remaining, Map<String, Usage> pools) {
    }

    private SeparateDrugStep() {
    }

    static Outcome apply(Region region, Visit visit, YearToDate ytd, List<TraceEntry> trace) {
        Optional<SeparatelyPaidDrugs> drugs = region.separatelyPaidDrugs();
        if (drugs.isEmpty() || drugs.get().listed(visit.date()).isEmpty()) {
            return new Outcome(Money.ZERO, Money.ZERO, visit.lines(), Map.of());
        }
        List<FeeLine> remaining = new ArrayList<>(visit.lines().size());
        Map<String, Usage> pools = new TreeMap<>();
        Money paid = Money.ZERO;
        Money overCap = Money.ZERO;
        for (FeeLine line : visit.lines()) {
            Optional<DrugTerms> found = line.code() == null || line.catalogueClass() == CatalogueClass.C
                    ? Optional.empty() : drugs.get().terms(line.code(), visit.institution(), visit.date());
            if (found.isEmpty()) {
                remaining.add(line);
                continue;
            }
            DrugTerms terms = found.get();
            if (!terms.dispensedHere().value()) {
                trace.add(new TraceEntry("separately paid drug " + line.code() + " not dispensed at a designated institution: "
                        + "settled as an ordinary line", line.amount(), terms.dispensedHere().parameter(),
                        terms.dispensedHere().citation()));
                remaining.add(line);
                continue;
            }
            Money inScope = line.catalogueClass() == CatalogueClass.B
                    ? line.amount().minus(line.amount().times(line.preSelfPayRatio())) : line.amount();
            trace.add(new TraceEntry("separately paid drug " + line.code() + ": in-scope", inScope,
                    terms.listing().value() + "; " + terms.listing().parameter(), terms.listing().citation()));
            Money uncapped = inScope.times(terms.ratio().value());
            trace.add(new TraceEntry("separately paid drug " + line.code() + ": pay before cap", uncapped,
                    terms.ratio().parameter() + ", no deductible", terms.ratio().citation()));
            Usage before = ytd.pool(terms.pool()).plus(pools.getOrDefault(terms.pool(), Usage.NONE));
            Money pay = uncapped;
            if (terms.annualCap() != null) {
                Money left = terms.annualCap().value().minusFloorZero(before.poolPaid());
                trace.add(new TraceEntry("separately paid drug " + line.code() + ": annual limit remaining", left,
                        terms.annualCap().parameter() + ", used " + before.poolPaid(), terms.annualCap().citation()));
                pay = pay.min(left);
            }
            trace.add(new TraceEntry("separately paid drug " + line.code() + ": fund pays", pay, "own accumulator " + terms.pool()
                    + ", outside the institution's budget", terms.ratio().citation()));
            pools.merge(terms.pool(), new Usage(Money.ZERO, pay, 1), Usage::plus);
            paid = paid.plus(pay);
            overCap = overCap.plus(uncapped.minus(pay));
        }
        return new Outcome(paid, overCap, remaining, pools);
    }
}
