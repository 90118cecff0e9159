package org.gongji.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.money.Rounding;
import org.gongji.api.rules.Term;
import org.gongji.api.spi.payment.DipTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.TraceEntry;

/**
 * 按病种分值付费 (DIP) for a period, see {@link DipTerms}.
 * <ol>
 * <li>Each case is grouped by the {@link DipCatalogue} and scored with its group's score; a case
 *     costing more than {@code highRatio} or less than {@code lowRatio} times its group's average
 *     cost is scored by its cost: score × cost ÷ average cost, half-up to 10⁻⁴ point. A case the
 *     catalogue cannot group earns no points and is left out of the run (traced).</li>
 * <li>An institution's points are weighted by the coefficient of its level.</li>
 * <li>The points are valued so that the fund pays exactly its DIP budget: the value of all points is
 *     the budget plus what patients and other funds paid for the grouped cases (those amounts are
 *     part of what the points pay for), and the point value (分值点值) is that value ÷ all weighted
 *     points.</li>
 * <li>Each institution's share of the value is its weighted points × point value, apportioned to
 *     the fen by the largest-remainder method ({@link Apportionment}), so the shares add up to the
 *     value exactly; the fund pays the share less what patients and other funds already paid for
 *     the institution's cases. The fund's payments therefore add up to the budget to the fen. An
 *     institution whose patients paid more than its share gets a negative amount: the fund recovers
 *     it (清算扣回).</li>
 * </ol>
 */
public final class DipPayment {

    /**
     * @param institutions the institutions the cases name, by id (for their level)
     * @throws GongjiException INVALID_REQUEST for a case outside the period, a case id twice, no
     *         grouped case, or an institution outside the DIP scope; UNKNOWN_INSTITUTION for an unknown one;
     *         INVALID_AMOUNT for a negative budget
     */
    public PaymentRun run(Region region, PaymentPeriod period, Money budget, DipCatalogue catalogue, List<DipCase> cases,
            Map<String, Institution> institutions) {
        DipTerms terms = PaymentTerms.of(region, period, ProviderPaymentMethod.DIP).dip(period.from())
                .orElseThrow(() -> PaymentTerms.notUsed(region, period, ProviderPaymentMethod.DIP));
        return weighted(region, period, Words.DIP, terms, budget, catalogue, cases, institutions);
    }

    /** How a run of weighted cases names its method, its units and their value in the trace. */
    record Words(ProviderPaymentMethod method, String name, String points, String pointValue, String score, String per) {
        static final Words DIP = new Words(ProviderPaymentMethod.DIP, "DIP", "points", "point value", "score", "point");
        static final Words DRG = new Words(ProviderPaymentMethod.DRG, "DRG", "weights", "base rate", "relative weight",
                "unit of weight");
    }

    /** DIP, or DRG with relative weights as scores: the same arithmetic, named by {@code words}. */
    static PaymentRun weighted(Region region, PaymentPeriod period, Words words, DipTerms terms, Money budget,
            DipCatalogue catalogue, List<DipCase> cases, Map<String, Institution> institutions) {
        if (budget.isNegative()) {
            throw new GongjiException(ErrorCode.INVALID_AMOUNT, "negative " + words.name() + " budget " + budget);
        }
        int highBp = terms.highRatio().value().basisPoints();
        int lowBp = terms.lowRatio().value().basisPoints();

        Map<String, Account> accounts = new TreeMap<>();
        Set<String> caseIds = new HashSet<>(cases.size() * 2);
        for (DipCase c : cases) {
            if (!period.contains(c.date())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "case " + c.caseId() + " of " + c.date()
                        + " is outside the period " + period);
            }
            if (!caseIds.add(c.caseId())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "case " + c.caseId() + " twice");
            }
            Account a = accounts.get(c.institutionId());
            if (a == null) {
                a = new Account(institution(c, institutions, terms, words));
                accounts.put(c.institutionId(), a);
            }
            a.add(c, catalogue.group(c.diagnosis(), c.procedure()), highBp, lowBp);
        }

        List<Account> list = new ArrayList<>(accounts.values());
        long[] weighted = new long[list.size()];
        long valued = budget.fen();
        long patient = 0;
        long other = 0;
        long totalWeighted = 0;
        for (int i = 0; i < weighted.length; i++) {
            Account a = list.get(i);
            weighted[i] = Math.multiplyExact(a.points, terms.coefficient(a.institution.level()).value().basisPoints());
            totalWeighted = Math.addExact(totalWeighted, weighted[i]);
            patient = Math.addExact(patient, a.patientPaid);
            other = Math.addExact(other, a.otherFundsPaid);
        }
        valued = Math.addExact(Math.addExact(valued, patient), other);
        if (totalWeighted == 0) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "no case of the period could be grouped by " + catalogue.source());
        }
        long[] shares = Apportionment.largestRemainder(valued, weighted);
        String pointValue = new BigDecimal(valued).movePointRight(6)
                .divide(BigDecimal.valueOf(totalWeighted), 6, RoundingMode.HALF_UP).toPlainString();

        List<InstitutionPayment> payments = new ArrayList<>(list.size());
        long total = 0;
        Totals counts = new Totals();
        for (int i = 0; i < shares.length; i++) {
            Account a = list.get(i);
            InstitutionPayment p = a.pay(Money.ofFen(shares[i]), weighted[i], terms, pointValue, words);
            payments.add(p);
            total = Math.addExact(total, p.amount().fen());
            counts.add(a);
        }
        String n = words.name();
        String pts = words.points();
        List<TraceEntry> trace = List.of(
                new TraceEntry(n + " budget of the period", budget, "given with the run", null),
                new TraceEntry("paid by patients for the grouped cases", Money.ofFen(patient), "case list", null),
                new TraceEntry("paid by other funds for the grouped cases", Money.ofFen(other), "case list", null),
                new TraceEntry("value of all " + pts, Money.ofFen(valued), "budget + paid by patients + paid by other funds", null),
                new TraceEntry("all " + pts + ", weighted by institution coefficient", null, Points.displayWeighted(totalWeighted)
                        + " " + pts, null),
                new TraceEntry(words.pointValue(), null, pointValue + " yuan per " + words.per() + " = value of all " + pts + " ÷ all " + pts, null),
                new TraceEntry("cases grouped: " + counts.grouped() + " (in group " + counts.normal + ", high-ratio "
                        + counts.high + ", low-ratio " + counts.low + ")", null, catalogue.source(), null),
                new TraceEntry("cases ungrouped, not paid by " + n + ": " + counts.ungrouped, Money.ofFen(counts.ungroupedCost),
                        "the catalogue has no group for their " + (words.method() == ProviderPaymentMethod.DIP
                                ? "diagnosis and procedure" : "DRG group"), null),
                new TraceEntry("apportionment", Money.ofFen(valued), "largest remainder: shares rounded down to the fen, "
                        + "the fen left over to the largest remainders; shares add up to the value of all " + pts, null),
                new TraceEntry(n + " total paid by the fund", Money.ofFen(total), "equals the budget", null));
        if (total != budget.fen()) {
            throw new IllegalStateException(words.name() + " payments " + total + " fen differ from the budget " + budget);
        }
        return new PaymentRun(region.metadata().code(), words.method(), period, Money.ofFen(total), payments, trace);
    }

    private static Institution institution(DipCase c, Map<String, Institution> institutions, DipTerms terms, Words words) {
        Institution inst = institutions.get(c.institutionId());
        if (inst == null) {
            throw new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "case " + c.caseId() + ": unknown institution "
                    + c.institutionId());
        }
        if (!terms.scope().levels().isEmpty() && !terms.scope().levels().contains(inst.level())) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, inst.id() + " is " + inst.level()
                    + "; the region pays by " + words.name() + " only at " + terms.scope().levels());
        }
        terms.coefficient(inst.level());
        return inst;
    }

    private static final class Account {
        final Institution institution;
        long points;
        int normal;
        int high;
        int low;
        int ungrouped;
        long ungroupedCost;
        long patientPaid;
        long otherFundsPaid;

        Account(Institution institution) {
            this.institution = institution;
        }

        void add(DipCase c, DipGroup group, int highBp, int lowBp) {
            long cost = c.totalCost().fen();
            if (group == null) {
                ungrouped++;
                ungroupedCost += cost;
                return;
            }
            long average = group.averageCost().fen();
            long scaledCost = Math.multiplyExact(cost, Ratio.ONE_BASIS);
            long byCost;
            if (scaledCost > Math.multiplyExact(average, highBp)) {
                high++;
                byCost = Rounding.halfUp(Math.multiplyExact(group.score(), cost), average);
            } else if (scaledCost < Math.multiplyExact(average, lowBp)) {
                low++;
                byCost = Rounding.halfUp(Math.multiplyExact(group.score(), cost), average);
            } else {
                normal++;
                byCost = group.score();
            }
            points = Math.addExact(points, byCost);
            patientPaid += c.patientPaid().fen();
            otherFundsPaid += c.otherFundsPaid().fen();
        }

        InstitutionPayment pay(Money share, long weighted, DipTerms terms, String pointValue, Words words) {
            Term<Ratio> coefficient = terms.coefficient(institution.level());
            Money patient = Money.ofFen(patientPaid);
            Money other = Money.ofFen(otherFundsPaid);
            Money amount = share.minus(patient).minus(other);
            List<TraceEntry> trace = new ArrayList<>(10);
            trace.add(new TraceEntry("cases in group: " + normal, null, "cost within the outlier ratios: the group's " + words.score(), null));
            trace.add(new TraceEntry("high-ratio cases: " + high, null, terms.highRatio().parameter()
                    + " × average cost exceeded: " + words.score() + " × cost ÷ average cost", terms.highRatio().citation()));
            trace.add(new TraceEntry("low-ratio cases: " + low, null, terms.lowRatio().parameter()
                    + " × average cost not reached: " + words.score() + " × cost ÷ average cost", terms.lowRatio().citation()));
            if (ungrouped > 0) {
                trace.add(new TraceEntry("ungrouped cases, not paid by " + words.name() + ": " + ungrouped, Money.ofFen(ungroupedCost),
                        "no group in the catalogue", null));
            }
            String pts = words.points();
            trace.add(new TraceEntry(pts, null, Points.display(points) + " " + pts, null));
            trace.add(new TraceEntry("weighted " + pts, null, Points.displayWeighted(weighted) + " " + pts + " = " + pts + " × "
                    + coefficient.value(), coefficient.citation()));
            trace.add(new TraceEntry("share of the value of all " + pts, share, "weighted " + pts + " × " + words.pointValue()
                    + " " + pointValue + ", apportioned by largest remainder", null));
            trace.add(new TraceEntry("less paid by patients", patient, "case list", null));
            trace.add(new TraceEntry("less paid by other funds", other, "case list", null));
            trace.add(new TraceEntry(words.name() + " payment", amount, "share - paid by patients - paid by other funds", null));
            return new InstitutionPayment(institution.id(), amount, trace);
        }
    }

    private static final class Totals {
        long normal;
        long high;
        long low;
        long ungrouped;
        long ungroupedCost;

        void add(Account a) {
            normal += a.normal;
            high += a.high;
            low += a.low;
            ungrouped += a.ungrouped;
            ungroupedCost += a.ungroupedCost;
        }

        long grouped() {
            return normal + high + low;
        }
    }
}
