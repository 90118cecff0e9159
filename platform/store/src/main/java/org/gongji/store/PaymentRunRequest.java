package org.gongji.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.payment.BedDayCase;
import org.gongji.payment.DipCase;
import org.gongji.payment.DipCatalogue;
import org.gongji.payment.PaymentPeriod;

/**
 * What a payment run needs beyond the booked settlements.
 *
 * @param headcounts per-capita only: persons per institution id; null to count the persons of the
 *                   region signed with each institution's family doctors (basis SIGNED)
 * @param dipBudget DIP only: the fund's DIP budget for the period
 * @param dipCatalogue DIP only: the catalogue to group the cases by
 * @param dipCases DIP only: the period's case list
 */
public record PaymentRunRequest(RegionCode region, ProviderPaymentMethod method, PaymentPeriod period,
        Map<String, Integer> headcounts, Money dipBudget, DipCatalogue dipCatalogue, List<DipCase> dipCases,
        List<BedDayCase> bedDayCases) {

    public PaymentRunRequest(RegionCode region, ProviderPaymentMethod method, PaymentPeriod period,
            Map<String, Integer> headcounts, Money dipBudget, DipCatalogue dipCatalogue, List<DipCase> dipCases) {
        this(region, method, period, headcounts, dipBudget, dipCatalogue, dipCases, null);
    }

    public PaymentRunRequest {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(period, "period");
        headcounts = headcounts == null ? null : Map.copyOf(headcounts);
        dipCases = dipCases == null ? null : List.copyOf(dipCases);
        bedDayCases = bedDayCases == null ? null : List.copyOf(bedDayCases);
    }

    public static PaymentRunRequest perCapita(RegionCode region, PaymentPeriod period, Map<String, Integer> headcounts) {
        return new PaymentRunRequest(region, ProviderPaymentMethod.PER_CAPITA, period, headcounts, null, null, null);
    }

    public static PaymentRunRequest perItem(RegionCode region, PaymentPeriod period) {
        return new PaymentRunRequest(region, ProviderPaymentMethod.PER_ITEM, period, null, null, null, null);
    }

    public static PaymentRunRequest dip(RegionCode region, PaymentPeriod period, Money budget, DipCatalogue catalogue,
            List<DipCase> cases) {
        return new PaymentRunRequest(region, ProviderPaymentMethod.DIP, period, null, budget, catalogue, cases);
    }

    /** DRG: the budget, the DRG groups and the grouped stays (a DRG code as each case's diagnosis). */
    public static PaymentRunRequest drg(RegionCode region, PaymentPeriod period, Money budget, DipCatalogue groups,
            List<DipCase> cases) {
        return new PaymentRunRequest(region, ProviderPaymentMethod.DRG, period, null, budget, groups, cases, null);
    }

    public static PaymentRunRequest bedDay(RegionCode region, PaymentPeriod period, List<BedDayCase> stays) {
        return new PaymentRunRequest(region, ProviderPaymentMethod.BED_DAY, period, null, null, null, null, stays);
    }
}
