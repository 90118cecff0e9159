package org.gongji.payment;

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
import org.gongji.api.spi.payment.BedDayTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.TraceEntry;

/**
 * 按床日付费 for a period, see {@link BedDayTerms}: each stay discharged in the period is paid its
 * standard, day by day the category's rate per bed-day × the share of the length-of-stay band the day
 * falls in (each band's amount half-up to the fen); the fund pays an institution the standards of its
 * stays less what patients and other funds paid for them.
 */
public final class BedDayPayment {

    /**
     * @throws GongjiException INVALID_REQUEST for a stay outside the period, a case id twice, a category
     *         without a rate or an institution outside the bed-day scope; UNKNOWN_INSTITUTION for an unknown one
     */
    public PaymentRun run(Region region, PaymentPeriod period, List<BedDayCase> cases, Map<String, Institution> institutions) {
        BedDayTerms terms = PaymentTerms.of(region, period, ProviderPaymentMethod.BED_DAY).bedDay(period.from())
                .orElseThrow(() -> PaymentTerms.notUsed(region, period, ProviderPaymentMethod.BED_DAY));
        Map<String, Account> accounts = new TreeMap<>();
        Set<String> ids = new HashSet<>(cases.size() * 2);
        long[] bandDays = new long[terms.bands().size()];
        for (BedDayCase c : cases) {
            if (!period.contains(c.dischargeDate())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "stay " + c.caseId() + " discharged " + c.dischargeDate()
                        + " is outside the period " + period);
            }
            if (!ids.add(c.caseId())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "stay " + c.caseId() + " twice");
            }
            Account a = accounts.get(c.institutionId());
            if (a == null) {
                a = new Account(institution(c, institutions, terms), terms.bands().size());
                accounts.put(c.institutionId(), a);
            }
            a.add(c, terms);
        }
        List<InstitutionPayment> payments = new ArrayList<>(accounts.size());
        long total = 0;
        long standard = 0;
        long stays = 0;
        for (Account a : accounts.values()) {
            InstitutionPayment p = a.pay(terms);
            payments.add(p);
            total = Math.addExact(total, p.amount().fen());
            standard = Math.addExact(standard, a.standard);
            stays += a.stays;
            for (int i = 0; i < bandDays.length; i++) {
                bandDays[i] += a.bandDays[i];
            }
        }
        List<TraceEntry> trace = new ArrayList<>();
        trace.add(new TraceEntry("stays paid by bed-day: " + stays, Money.ofFen(standard),
                "standard of all stays: bed-days × rate × band share", terms.scope().citation()));
        for (int i = 0; i < bandDays.length; i++) {
            BedDayTerms.Band b = terms.bands().get(i);
            trace.add(new TraceEntry("bed-days from day " + b.fromDay() + ": " + bandDays[i], null, b.share().parameter(),
                    b.share().citation()));
        }
        trace.add(new TraceEntry("bed-day total paid by the fund", Money.ofFen(total),
                "standards less paid by patients and other funds", null));
        return new PaymentRun(region.metadata().code(), ProviderPaymentMethod.BED_DAY, period, Money.ofFen(total), payments,
                trace);
    }

    private static Institution institution(BedDayCase c, Map<String, Institution> institutions, BedDayTerms terms) {
        Institution inst = institutions.get(c.institutionId());
        if (inst == null) {
            throw new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "stay " + c.caseId() + ": unknown institution "
                    + c.institutionId());
        }
        if (!terms.scope().levels().isEmpty() && !terms.scope().levels().contains(inst.level())) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, inst.id() + " is " + inst.level()
                    + "; the region pays by bed-day only at " + terms.scope().levels());
        }
        return inst;
    }

    /** The standard of one stay, band by band; adds the days to {@code bandDays}. */
    static long standard(BedDayCase c, BedDayTerms terms, long[] bandDays) {
        long rate = terms.rate(c.category()).value().fen();
        long days = c.bedDays();
        long fen = 0;
        List<BedDayTerms.Band> bands = terms.bands();
        for (int i = 0; i < bands.size(); i++) {
            long from = bands.get(i).fromDay();
            long until = i + 1 < bands.size() ? bands.get(i + 1).fromDay() - 1 : Long.MAX_VALUE;
            long inBand = Math.max(0, Math.min(days, until) - from + 1);
            if (inBand == 0) {
                continue;
            }
            bandDays[i] += inBand;
            Ratio share = bands.get(i).share().value();
            fen = Math.addExact(fen, Rounding.halfUp(Math.multiplyExact(Math.multiplyExact(inBand, rate), share.basisPoints()),
                    Ratio.ONE_BASIS));
        }
        return fen;
    }

    private static final class Account {
        final Institution institution;
        final long[] bandDays;
        final Map<String, long[]> byCategory = new TreeMap<>();
        long stays;
        long standard;
        long patientPaid;
        long otherFundsPaid;

        Account(Institution institution, int bands) {
            this.institution = institution;
            this.bandDays = new long[bands];
        }

        void add(BedDayCase c, BedDayTerms terms) {
            long s = standard(c, terms, bandDays);
            long[] cat = byCategory.computeIfAbsent(c.category(), k -> new long[3]);
            cat[0]++;
            cat[1] += c.bedDays();
            cat[2] += s;
            stays++;
            standard = Math.addExact(standard, s);
            patientPaid = Math.addExact(patientPaid, c.patientPaid().fen());
            otherFundsPaid = Math.addExact(otherFundsPaid, c.otherFundsPaid().fen());
        }

        InstitutionPayment pay(BedDayTerms terms) {
            List<TraceEntry> trace = new ArrayList<>();
            for (Map.Entry<String, long[]> e : byCategory.entrySet()) {
                var rate = terms.rate(e.getKey());
                trace.add(new TraceEntry(e.getKey() + ": " + e.getValue()[0] + " stays, " + e.getValue()[1] + " bed-days",
                        Money.ofFen(e.getValue()[2]), rate.parameter() + " per bed-day, by length-of-stay band", rate.citation()));
            }
            for (int i = 0; i < bandDays.length; i++) {
                BedDayTerms.Band b = terms.bands().get(i);
                trace.add(new TraceEntry("bed-days from day " + b.fromDay() + ": " + bandDays[i], null, b.share().parameter(),
                        b.share().citation()));
            }
            Money amount = Money.ofFen(standard - patientPaid - otherFundsPaid);
            trace.add(new TraceEntry("standard of the stays", Money.ofFen(standard), "bed-days × rate × band share", null));
            trace.add(new TraceEntry("less paid by patients", Money.ofFen(patientPaid), "case list", null));
            trace.add(new TraceEntry("less paid by other funds", Money.ofFen(otherFundsPaid), "case list", null));
            trace.add(new TraceEntry("bed-day payment", amount, "standard - paid by patients - paid by other funds", null));
            return new InstitutionPayment(institution.id(), amount, trace);
        }
    }
}
