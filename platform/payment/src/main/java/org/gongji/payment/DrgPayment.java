package org.gongji.payment;

import java.util.List;
import java.util.Map;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.api.spi.payment.DipTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.region.Region;

/**
 * 按疾病诊断相关分组付费 (DRG) for a period (济南 三.12 普通住院). The arithmetic is DIP's ({@link DipPayment})
 * with relative weights for scores: each case, already grouped by the bureau's grouper, weighs its group's
 * relative weight (RW), or RW × cost ÷ the group's average cost when it costs more than {@code highRatio} or
 * less than {@code lowRatio} times that average (high and low outliers); an institution's weights are
 * multiplied by its level coefficient; the base rate (费率) is (budget + what patients and other funds
 * paid) ÷ all weighted weights; shares are apportioned to the fen by largest remainder, so the fund pays
 * the budget exactly. A DRG catalogue is a {@link DipCatalogue} whose groups are DRG codes without a
 * procedure (read by {@link DrgCatalogueReader}); a case a {@link DipCase} whose diagnosis is its DRG code
 * (read by {@link DrgCaseListReader}).
 */
public final class DrgPayment {

    public PaymentRun run(Region region, PaymentPeriod period, Money budget, DipCatalogue catalogue, List<DipCase> cases,
            Map<String, Institution> institutions) {
        DipTerms terms = PaymentTerms.of(region, period, ProviderPaymentMethod.DRG).drg(period.from())
                .orElseThrow(() -> PaymentTerms.notUsed(region, period, ProviderPaymentMethod.DRG));
        return DipPayment.weighted(region, period, DipPayment.Words.DRG, terms, budget, catalogue, cases, institutions);
    }
}
