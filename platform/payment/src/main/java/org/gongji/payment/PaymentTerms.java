package org.gongji.payment;

import java.util.Set;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.spi.payment.PerItemTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionMetadata;

/** A region's payment terms for a period: those in force on its first day. */
final class PaymentTerms {

    private PaymentTerms() {
    }

    static ProviderPaymentTerms of(Region region, PaymentPeriod period, ProviderPaymentMethod method) {
        RegionMetadata meta = region.metadata();
        if (period.from().isBefore(meta.effectiveFrom())) {
            throw new GongjiException(ErrorCode.RULES_NOT_IN_FORCE, "the rules of " + meta.code() + " (" + meta.name()
                    + ") are in force from " + meta.effectiveFrom() + "; period " + period + " starts " + period.from());
        }
        ProviderPaymentTerms terms = region.providerPayment().orElseThrow(() -> notUsed(region, period, method));
        if (!terms.methods(period.from()).contains(method)) {
            throw notUsed(region, period, method);
        }
        return terms;
    }

    static GongjiException notUsed(Region region, PaymentPeriod period, ProviderPaymentMethod method) {
        return new GongjiException(ErrorCode.BENEFIT_NOT_COVERED, region.metadata().code() + " ("
                + region.metadata().name() + ") does not pay providers by " + method + " in " + period);
    }

    /** Item codes the region pays outside the institutions' totals; empty when it names none. */
    static Set<String> separatelyPaid(ProviderPaymentTerms terms, PaymentPeriod period) {
        return terms.perItem(period.from()).map(PerItemTerms::separatelyPaid).map(t -> t.value()).orElse(Set.of());
    }
}
