package org.gongji.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.api.spi.payment.PerCapitaTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.TraceEntry;

/**
 * 按人头付费 under a global budget, see {@link PerCapitaTerms}. Per institution: budget = rate per
 * person per month × persons × months; spent = the fund's pay on the period's unreversed
 * settlements in the per-capita scope at that institution, less what the region pays separately.
 * Under budget the institution is paid what was spent plus its retained share of the surplus;
 * over budget, the budget plus the fund's share of the reasonable overspend.
 */
public final class PerCapitaPayment {

    public PaymentRun run(Region region, PaymentPeriod period, List<Headcount> headcounts,
            List<BookedSettlement> settlements) {
        ProviderPaymentTerms all = PaymentTerms.of(region, period, ProviderPaymentMethod.PER_CAPITA);
        PerCapitaTerms terms = all.perCapita(period.from())
                .orElseThrow(() -> PaymentTerms.notUsed(region, period, ProviderPaymentMethod.PER_CAPITA));
        Set<String> separate = PaymentTerms.separatelyPaid(all, period);

        Map<String, Account> accounts = new TreeMap<>();
        for (Headcount h : headcounts) {
            Institution inst = h.institution();
            if (!terms.scope().levels().isEmpty() && !terms.scope().levels().contains(inst.level())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, inst.id() + " is " + inst.level()
                        + "; the region pays per capita only at " + terms.scope().levels());
            }
            if (accounts.putIfAbsent(inst.id(), new Account(h.persons(), true)) != null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "two headcounts for " + inst.id());
            }
        }
        int reversed = 0;
        for (BookedSettlement s : settlements) {
            if (!period.contains(s.date()) || !terms.scope().covers(s.medType(), s.institution().level())) {
                continue;
            }
            if (s.reversed()) {
                reversed++;
                continue;
            }
            Account a = accounts.computeIfAbsent(s.institution().id(), id -> new Account(0, false));
            a.settlements++;
            a.fundPaid = a.fundPaid.plus(s.fundPaid());
            a.separatelyPaid = a.separatelyPaid.plus(FundShare.ofSeparatelyPaid(s, separate));
        }

        List<InstitutionPayment> payments = new ArrayList<>(accounts.size());
        Money globalBudget = Money.ZERO;
        Money total = Money.ZERO;
        for (Map.Entry<String, Account> e : accounts.entrySet()) {
            Account a = e.getValue();
            Money budget = Money.ofFen(Math.multiplyExact(terms.ratePerPersonMonth().value().fen(),
                    Math.multiplyExact((long) a.persons, period.months())));
            InstitutionPayment p = pay(e.getKey(), a, budget, terms, period);
            payments.add(p);
            globalBudget = globalBudget.plus(budget);
            total = total.plus(p.amount());
        }
        List<TraceEntry> trace = List.of(
                new TraceEntry("global budget", globalBudget, "sum of the institutions' per-capita budgets",
                        terms.ratePerPersonMonth().citation()),
                new TraceEntry("reversed settlements excluded: " + reversed, null, "a reversed settlement is paid by no method", null),
                new TraceEntry("per-capita total", total, "sum of the institutions' payments", null));
        return new PaymentRun(region.metadata().code(), ProviderPaymentMethod.PER_CAPITA, period, total, payments, trace);
    }

    private static InstitutionPayment pay(String id, Account a, Money budget, PerCapitaTerms terms, PaymentPeriod period) {
        List<TraceEntry> trace = new ArrayList<>(10);
        if (!a.counted) {
            // spending in the per-capita scope with nobody to pay a rate for: all of it is overspend
            trace.add(new TraceEntry("no headcount for the institution", null,
                    "settlements in the per-capita scope but no persons (" + terms.headcount().value() + ") counted", null));
        }
        trace.add(new TraceEntry("budget", budget, terms.ratePerPersonMonth().parameter() + " × " + a.persons
                + " persons (" + terms.headcount().value() + ") × " + period.months() + " months",
                terms.ratePerPersonMonth().citation()));
        Money spent = a.fundPaid.minus(a.separatelyPaid);
        trace.add(new TraceEntry("fund pay on " + a.settlements + " settlements in scope", a.fundPaid,
                terms.scope().parameter(), terms.scope().citation()));
        if (a.separatelyPaid.isPositive()) {
            trace.add(new TraceEntry("less lines paid separately", a.separatelyPaid,
                    "fund pay pro rata to the separately paid lines' in-scope amount", null));
        }
        trace.add(new TraceEntry("spent", spent, "fund pay less lines paid separately", null));

        Money amount;
        if (!spent.greaterThan(budget)) {
            Money surplus = budget.minus(spent);
            Money counted = surplus.min(budget.times(terms.surplusCeiling().value()));
            Money retained = counted.times(terms.surplusRetainedShare().value());
            trace.add(new TraceEntry("surplus", surplus, "budget - spent", null));
            trace.add(new TraceEntry("surplus counted", counted, terms.surplusCeiling().parameter() + " of the budget at most",
                    terms.surplusCeiling().citation()));
            trace.add(new TraceEntry("surplus retained", retained, terms.surplusRetainedShare().parameter(),
                    terms.surplusRetainedShare().citation()));
            amount = spent.plus(retained);
            trace.add(new TraceEntry("per-capita payment", amount, "spent + surplus retained", null));
        } else {
            Money overspend = spent.minus(budget);
            Money reasonable = overspend.min(budget.times(terms.overspendCeiling().value()));
            Money shared = reasonable.times(terms.overspendFundShare().value());
            trace.add(new TraceEntry("overspend", overspend, "spent - budget", null));
            trace.add(new TraceEntry("reasonable overspend", reasonable, terms.overspendCeiling().parameter()
                    + " of the budget at most", terms.overspendCeiling().citation()));
            trace.add(new TraceEntry("overspend borne by the fund", shared, terms.overspendFundShare().parameter(),
                    terms.overspendFundShare().citation()));
            trace.add(new TraceEntry("overspend borne by the institution", overspend.minus(shared),
                    "overspend - overspend borne by the fund", null));
            amount = budget.plus(shared);
            trace.add(new TraceEntry("per-capita payment", amount, "budget + overspend borne by the fund", null));
        }
        return new InstitutionPayment(id, amount, trace);
    }

    private static final class Account {
        final int persons;
        final boolean counted;
        int settlements;
        Money fundPaid = Money.ZERO;
        Money separatelyPaid = Money.ZERO;

        Account(int persons, boolean counted) {
            this.persons = persons;
            this.counted = counted;
        }
    }
}
