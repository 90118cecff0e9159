package org.gongji.api.spi.payment;

import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;

/**
 * 按人头付费 under a global budget (总额预算), with 结余留用、合理超支分担. An institution's budget for a
 * period is {@code ratePerPersonMonth × persons × months}. Against the fund's pay on the
 * period's settlements in scope:
 * <ul>
 * <li>surplus (结余): the institution keeps {@code surplusRetainedShare} of the surplus, counting
 *     the surplus only up to {@code surplusCeiling × budget};</li>
 * <li>overspend (超支): the fund bears {@code overspendFundShare} of the overspend, counting the
 *     overspend only up to {@code overspendCeiling × budget} (the "reasonable" overspend); the
 *     institution bears the rest.</li>
 * </ul>
 */
public record PerCapitaTerms(
        PaymentScope scope,
        Term<HeadcountBasis> headcount,
        Term<Money> ratePerPersonMonth,
        Term<Ratio> surplusRetainedShare,
        Term<Ratio> surplusCeiling,
        Term<Ratio> overspendFundShare,
        Term<Ratio> overspendCeiling) {

    public PerCapitaTerms {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(headcount, "headcount");
        Objects.requireNonNull(ratePerPersonMonth, "ratePerPersonMonth");
        Objects.requireNonNull(surplusRetainedShare, "surplusRetainedShare");
        Objects.requireNonNull(surplusCeiling, "surplusCeiling");
        Objects.requireNonNull(overspendFundShare, "overspendFundShare");
        Objects.requireNonNull(overspendCeiling, "overspendCeiling");
    }
}
