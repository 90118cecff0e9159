package org.gongji.payment;

import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.engine.TraceEntry;

/**
 * One method's payments to the institutions of a region for a period.
 *
 * @param total the sum of the institutions' amounts
 * @param institutions ordered by institution id
 * @param trace the region-wide steps (budget, point value, what was excluded)
 */
public record PaymentRun(RegionCode region, ProviderPaymentMethod method, PaymentPeriod period, Money total,
        List<InstitutionPayment> institutions, List<TraceEntry> trace) {

    public PaymentRun {
        institutions = List.copyOf(institutions);
        trace = List.copyOf(trace);
    }

    public InstitutionPayment institution(String id) {
        return institutions.stream().filter(i -> i.institutionId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no payment to " + id + " in this run"));
    }
}
