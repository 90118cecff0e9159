package org.gongji.engine;

import java.util.List;
import java.util.Optional;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.critical.CriticalIllnessTerms;
import org.gongji.api.spi.region.Region;

/**
 * The critical-illness layer (大病保险) after the pooled fund: the visit's in-scope own share adds to
 * the year's count; what of it lies above the layer's annual deductible is paid at the layer's ratio,
 * up to its annual cap.
 */
final class CriticalIllnessStep {

    /** What the layer counted and paid for one visit. */
    record Outcome(Money counted, Money paid) {
        static final Outcome NONE = new Outcome(Money.ZERO, Money.ZERO);
    }

    private CriticalIllnessStep() {
    }

    static Outcome apply(Region region, BenefitContext context, Money ownShareInScope, YearToDate ytd, List<TraceEntry> trace) {
        Optional<CriticalIllnessTerms> found = region.criticalIllnessCoverage().flatMap(c -> c.criticalIllness(context));
        if (found.isEmpty()) {
            return Outcome.NONE;
        }
        CriticalIllnessTerms terms = found.get();
        Money before = ytd.criticalIllnessBase();
        Money after = before.plus(ownShareInScope);
        trace.add(new TraceEntry("critical-illness: in-scope own share counted", ownShareInScope,
                terms.scope().parameter() + "; counted this year before " + before, terms.scope().citation()));
        Money deductible = terms.deductible().value();
        Money above = after.minusFloorZero(deductible.max(before));
        trace.add(new TraceEntry("critical-illness: own share above the annual deductible", above,
                terms.deductible().parameter(), terms.deductible().citation()));
        Money paid = above.times(terms.ratio().value());
        trace.add(new TraceEntry("critical-illness: pay before cap", paid, terms.ratio().parameter(), terms.ratio().citation()));
        if (terms.annualCap() != null) {
            Money remaining = terms.annualCap().value().minusFloorZero(ytd.criticalIllnessPaid());
            trace.add(new TraceEntry("critical-illness: annual cap remaining", remaining,
                    terms.annualCap().parameter() + ", paid " + ytd.criticalIllnessPaid(), terms.annualCap().citation()));
            paid = paid.min(remaining);
        }
        trace.add(new TraceEntry("critical-illness pay", paid, "critical-illness layer pays", terms.ratio().citation()));
        return new Outcome(ownShareInScope, paid);
    }
}
