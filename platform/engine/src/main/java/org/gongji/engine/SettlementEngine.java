package org.gongji.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;
import org.gongji.api.spi.benefit.Adjustment;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.gongji.api.spi.benefit.CrossRegion;
import org.gongji.api.spi.benefit.CrossRegionTerms;
import org.gongji.api.spi.benefit.DeductibleMode;
import org.gongji.api.spi.benefit.Usage;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.RegionMetadata;

/**
 * The settlement pipeline. In order: fully self-paid (class C), pre-self-pay of class B, in-scope
 * amount, deductible, pooled-fund share by ratio, annual caps (the benefit's and the fund's), the
 * critical-illness layer on the in-scope own share (where the region has one), personal part,
 * account then cash. Every step appends a trace entry. Pure and thread-safe.
 */
public final class SettlementEngine {

    public SettlementResult settle(SettlementRequest request) {
        RegionMetadata region = request.region().metadata();
        if (request.visit().date().isBefore(region.effectiveFrom())) {
            throw new GongjiException(ErrorCode.RULES_NOT_IN_FORCE, "the rules of " + region.code() + " (" + region.name()
                    + ") are in force from " + region.effectiveFrom() + ", not on " + request.visit().date());
        }
        YearToDate ytd = request.yearToDate();
        BenefitContext context = new BenefitContext(request.person(), request.visit(), ytd);
        BenefitTerms terms = TermsSelector.termsFor(request.region(), context);
        CrossRegion crossRegion = CrossRegion.of(request.person().region(), request.visit().institution().region());
        if (crossRegion != null) {
            terms = crossRegion(request, crossRegion, terms);
        }
        List<TraceEntry> trace = new ArrayList<>(16);

        CostSplit cost = CostSplit.of(request.visit());
        if (!region.code().equals(request.person().region())) {
            trace.add(new TraceEntry("rules of " + region.code(), Money.ZERO, "region " + request.person().region()
                    + " has no bundle of its own: the rules of " + region.code() + " " + region.name() + " apply", region.basis()));
        }
        trace.add(new TraceEntry("total", cost.total(), "sum of the fee lines", null));
        trace.add(new TraceEntry("fully self-paid (class C)", cost.fullySelfPaid(), "catalogue class C", null));
        trace.add(new TraceEntry("pre-self-pay (class B)", cost.preSelfPaid(), "pre-self-pay ratio of each class B line", null));
        trace.add(new TraceEntry("in-scope", cost.inScope(), "total - class C - class B pre-self-pay", null));
        for (Term<String> note : terms.notes()) {
            trace.add(new TraceEntry(note.value(), null, note.parameter(), note.citation()));
        }

        SeparateDrugStep.Outcome drugs = SeparateDrugStep.apply(request.region(), request.visit(), ytd, trace);
        Money benefitInScope = drugs.pools().isEmpty() ? cost.inScope() : CostSplit.of(drugs.remaining()).inScope();
        if (!drugs.pools().isEmpty()) {
            trace.add(new TraceEntry("in-scope under " + terms.benefit(), benefitInScope,
                    "in-scope less the separately paid drug lines", null));
        }

        Usage used = terms.pool() == null ? ytd.usage(terms.benefit()) : ytd.pool(terms.pool());
        Money deductiblePaid = deductible(terms, used, benefitInScope, trace);
        Money aboveDeductible = benefitInScope.minus(deductiblePaid);

        Ratio ratio = ratio(terms, aboveDeductible, trace);
        Money uncapped = aboveDeductible.times(ratio);
        trace.add(new TraceEntry("pool pay before caps", uncapped, "(in-scope - deductible) × pay ratio", null));

        Money benefitPool = cap(uncapped, terms.benefitCap(), used.poolPaid(), "benefit annual cap", trace);
        benefitPool = cap(benefitPool, terms.fundCap(), ytd.fundCapUsed(), "fund annual cap", trace);
        Money overCap = uncapped.minus(benefitPool).plus(drugs.overCap());
        Money pool = benefitPool.plus(drugs.paid());
        trace.add(new TraceEntry("pool pay", pool, drugs.pools().isEmpty() ? "pooled fund pays"
                : "pooled fund pays: " + benefitPool + " under " + terms.benefit() + " + " + drugs.paid()
                        + " for separately paid drugs", null));

        CriticalIllnessStep.Outcome critical = CriticalIllnessStep.apply(request.region(), context,
                cost.inScope().minus(pool), ytd, trace);
        Money fundPaid = pool.plus(critical.paid());
        Money personal = cost.total().minus(fundPaid);
        trace.add(new TraceEntry("personal part", personal, "total - fund pay", null));
        Money accountPaid = request.useAccount() ? personal.min(request.accountBalance().max(Money.ZERO)) : Money.ZERO;
        trace.add(new TraceEntry("account pay", accountPaid,
                request.useAccount() ? "balance " + request.accountBalance() : "account not used", null));
        Money cash = personal.minus(accountPaid);
        trace.add(new TraceEntry("cash pay", cash, "personal part - account pay", null));

        Breakdown breakdown = new Breakdown(request.person().region(), request.visit().medType(), cost.total(), cost.fullySelfPaid(),
                cost.preSelfPaid(), cost.inScope(), deductiblePaid, ratio, pool, overCap, critical.paid(), fundPaid, personal,
                accountPaid, cash, request.accountBalance().minus(accountPaid), drugs.paid(), crossRegion);
        Map<String, Usage> pools = new TreeMap<>(drugs.pools());
        if (terms.pool() != null) {
            pools.merge(terms.pool(), new Usage(deductiblePaid, benefitPool, 1), Usage::plus);
        }
        AccumulatorDelta delta = new AccumulatorDelta(ytd.year(), terms.benefit(),
                new Usage(deductiblePaid, benefitPool, terms.countsVisit() ? 1 : 0),
                terms.fundCap() == null ? Money.ZERO : benefitPool, critical.counted(), critical.paid(), pools);
        return new SettlementResult(breakdown, delta.applyTo(ytd), delta, trace);
    }

    /**
     * 异地就医: the insured region's rules apply (参保地政策); the trace says where the visit was, and where the
     * region requires prior filing (备案) for it, a visit without filing gets the ratio less the region's points.
     */
    private static BenefitTerms crossRegion(SettlementRequest request, CrossRegion where, BenefitTerms terms) {
        String place = where == CrossRegion.PROVINCE ? "another city of the province (省内异地就医)" : "another province (跨省异地就医)";
        Optional<CrossRegionTerms> found = request.region().crossRegion(where, request.visit().date());
        List<Term<String>> notes = new ArrayList<>(2);
        String at = "institution in " + request.visit().institution().region() + ", insured in " + request.person().region()
                + ": the insured region's rules apply";
        if (found.isEmpty()) {
            notes.add(new Term<>("cross-region care: " + place, at, null));
            return terms.withNotes(notes);
        }
        CrossRegionTerms c = found.get();
        notes.add(new Term<>("cross-region care: " + place, at, c.filingRequired().citation()));
        if (!c.filingRequired().value()) {
            notes.add(new Term<>("no prior filing required", c.filingRequired().parameter(), c.filingRequired().citation()));
            return terms.withNotes(notes);
        }
        if (request.visit().filed()) {
            notes.add(new Term<>("filed beforehand (备案)", c.filingRequired().parameter(), c.filingRequired().citation()));
            return terms.withNotes(notes);
        }
        notes.add(new Term<>("not filed beforehand though filing is required", c.filingRequired().parameter(),
                c.filingRequired().citation()));
        Term<Ratio> less = c.unfiledRatioReduction();
        if (less == null) {
            return terms.withNotes(notes);
        }
        return terms.withNotes(notes).withRatioAdjustments(List.of(new Adjustment.AddPoints("not filed (未备案)",
                -less.value().basisPoints(), less.parameter(), less.citation())));
    }

    private static Money deductible(BenefitTerms terms, Usage used, Money inScope, List<TraceEntry> trace) {
        Term<Money> base = terms.deductible();
        trace.add(new TraceEntry("deductible standard", base.value(), base.parameter(), base.citation()));
        Money standard = base.value();
        for (Adjustment a : terms.deductibleAdjustments()) {
            standard = a.applyTo(standard);
            trace.add(new TraceEntry("deductible adjustment: " + a.name(), standard, a.parameter(), a.citation()));
        }
        Money outstanding = standard;
        if (terms.deductibleMode() == DeductibleMode.ANNUAL) {
            outstanding = standard.minusFloorZero(used.deductiblePaid());
            trace.add(new TraceEntry("deductible outstanding this year", outstanding,
                    "annual deductible, already paid " + used.deductiblePaid(), base.citation()));
        }
        Money paid = outstanding.min(inScope);
        trace.add(new TraceEntry("deductible paid", paid, "min(deductible, in-scope)", base.citation()));
        return paid;
    }

    private static Ratio ratio(BenefitTerms terms, Money aboveDeductible, List<TraceEntry> trace) {
        Term<Ratio> base = terms.ratio();
        Ratio ratio = base.value();
        trace.add(new TraceEntry("pay ratio", aboveDeductible, base.parameter(), base.citation()));
        if (!terms.ratioAdjustments().isEmpty()) {
            for (Adjustment a : terms.ratioAdjustments()) {
                ratio = a.applyTo(ratio);
                trace.add(new TraceEntry("pay ratio adjustment: " + a.name(), aboveDeductible, a.parameter(), a.citation()));
            }
            trace.add(new TraceEntry("pay ratio applied", aboveDeductible, ratio.toString(), null));
        }
        return ratio;
    }

    private static Money cap(Money pay, Term<Money> cap, Money alreadyPaid, String step, List<TraceEntry> trace) {
        if (cap == null) {
            return pay;
        }
        Money remaining = cap.value().minusFloorZero(alreadyPaid);
        trace.add(new TraceEntry(step + " remaining", remaining, cap.parameter() + ", used " + alreadyPaid, cap.citation()));
        return pay.min(remaining);
    }
}
