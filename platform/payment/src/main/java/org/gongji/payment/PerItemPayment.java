package org.gongji.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gongji.api.money.Money;
import org.gongji.api.spi.payment.DipTerms;
import org.gongji.api.spi.payment.PerCapitaTerms;
import org.gongji.api.spi.payment.PerItemTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.TraceEntry;

/**
 * 按项目付费: per institution, the fund's pay on the period's unreversed settlements that neither
 * the per-capita, DIP, DRG nor bed-day scope covers, less the part that belongs to lines the region pays
 * separately (not counted in the institution's total, 不纳入定点医疗机构医保费用总额范围).
 */
public final class PerItemPayment {

    public PaymentRun run(Region region, PaymentPeriod period, List<BookedSettlement> settlements) {
        ProviderPaymentTerms all = PaymentTerms.of(region, period, ProviderPaymentMethod.PER_ITEM);
        PerItemTerms terms = all.perItem(period.from())
                .orElseThrow(() -> PaymentTerms.notUsed(region, period, ProviderPaymentMethod.PER_ITEM));
        Optional<PerCapitaTerms> perCapita = all.perCapita(period.from());
        Optional<DipTerms> dip = all.dip(period.from());
        Optional<DipTerms> drg = all.drg(period.from());
        Optional<org.gongji.api.spi.payment.BedDayTerms> bedDay = all.bedDay(period.from());
        Set<String> separate = terms.separatelyPaid().value();

        Map<String, Account> accounts = new TreeMap<>();
        int reversed = 0;
        Money reversedFundPay = Money.ZERO;
        int otherMethod = 0;
        for (BookedSettlement s : settlements) {
            if (!period.contains(s.date())) {
                continue;
            }
            if (perCapita.map(t -> t.scope().covers(s.medType(), s.institution().level())).orElse(false)
                    || dip.map(t -> t.scope().covers(s.medType(), s.institution().level())).orElse(false)
                    || drg.map(t -> t.scope().covers(s.medType(), s.institution().level())).orElse(false)
                    || bedDay.map(t -> t.scope().covers(s.medType(), s.institution().level())).orElse(false)) {
                otherMethod++;
                continue;
            }
            if (s.reversed()) {
                reversed++;
                reversedFundPay = reversedFundPay.plus(s.fundPaid());
                continue;
            }
            Account a = accounts.computeIfAbsent(s.institution().id(), id -> new Account());
            a.settlements++;
            a.fundPaid = a.fundPaid.plus(s.fundPaid());
            a.separatelyPaid = a.separatelyPaid.plus(FundShare.ofSeparatelyPaid(s, separate));
        }

        List<InstitutionPayment> payments = new ArrayList<>(accounts.size());
        Money total = Money.ZERO;
        for (Map.Entry<String, Account> e : accounts.entrySet()) {
            Account a = e.getValue();
            Money amount = a.fundPaid.minus(a.separatelyPaid);
            payments.add(new InstitutionPayment(e.getKey(), amount, List.of(
                    new TraceEntry("fund pay on " + a.settlements + " settlements paid per item", a.fundPaid,
                            "settlements no per-capita, DIP, DRG or bed-day scope covers", null),
                    new TraceEntry("less lines paid separately", a.separatelyPaid, terms.separatelyPaid().parameter(),
                            terms.separatelyPaid().citation()),
                    new TraceEntry("per-item payment", amount, "fund pay less lines paid separately", null))));
            total = total.plus(amount);
        }
        List<TraceEntry> trace = List.of(
                new TraceEntry("reversed settlements excluded: " + reversed, reversedFundPay,
                        "a reversed settlement is paid by no method", null),
                new TraceEntry("settlements paid by another method: " + otherMethod, null,
                        "per-capita, DIP, DRG or bed-day scope of the region", null),
                new TraceEntry("per-item total", total, "sum of the institutions' payments", null));
        return new PaymentRun(region.metadata().code(), ProviderPaymentMethod.PER_ITEM, period, total, payments, trace);
    }

    private static final class Account {
        int settlements;
        Money fundPaid = Money.ZERO;
        Money separatelyPaid = Money.ZERO;
    }
}
