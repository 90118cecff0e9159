package org.gongji.engine;

import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.benefit.CrossRegion;
import org.gongji.api.visit.MedicalType;

/**
 * The settlement breakdown, field by field as the national platform names them.
 *
 * @param totalAmount medfee_sumamt
 * @param fullySelfPaid fulamt_ownpay_amt (class C)
 * @param preSelfPaid preselfpay_amt (class B pre-self-pay)
 * @param inScopeAmount inscp_scp_amt
 * @param deductiblePaid act_pay_dedc
 * @param poolRatio pool_prop_selfpay, the ratio applied
 * @param poolPaid hifp_pay
 * @param overCapSelfPaid what the pooled fund would have paid but did not because a cap was reached
 * @param criticalIllnessPaid what the critical-illness (大病) layer paid
 * @param fundPaid fund_pay_sumamt
 * @param personalPart psn_part_amt
 * @param accountPaid acct_pay
 * @param cashPaid psn_cash_pay
 * @param accountBalance balc, the account balance after the settlement
 * @param separatelyPaid the part of poolPaid paid for separately paid negotiated drugs (单独支付), under their own terms
 * @param crossRegion where the visit was seen from the insured region (异地就医: PROVINCE, NATIONAL); null in the insured city
 */
public record Breakdown(
        RegionCode region,
        MedicalType medType,
        Money totalAmount,
        Money fullySelfPaid,
        Money preSelfPaid,
        Money inScopeAmount,
        Money deductiblePaid,
        Ratio poolRatio,
        Money poolPaid,
        Money overCapSelfPaid,
        Money criticalIllnessPaid,
        Money fundPaid,
        Money personalPart,
        Money accountPaid,
        Money cashPaid,
        Money accountBalance,
        Money separatelyPaid,
        CrossRegion crossRegion) {

    public Breakdown {
        separatelyPaid = separatelyPaid == null ? Money.ZERO : separatelyPaid;
    }

    public Breakdown(RegionCode region, MedicalType medType, Money totalAmount, Money fullySelfPaid, Money preSelfPaid,
            Money inScopeAmount, Money deductiblePaid, Ratio poolRatio, Money poolPaid, Money overCapSelfPaid,
            Money criticalIllnessPaid, Money fundPaid, Money personalPart, Money accountPaid, Money cashPaid,
            Money accountBalance, Money separatelyPaid) {
        this(region, medType, totalAmount, fullySelfPaid, preSelfPaid, inScopeAmount, deductiblePaid, poolRatio, poolPaid,
                overCapSelfPaid, criticalIllnessPaid, fundPaid, personalPart, accountPaid, cashPaid, accountBalance,
                separatelyPaid, null);
    }

    public Breakdown(RegionCode region, MedicalType medType, Money totalAmount, Money fullySelfPaid, Money preSelfPaid,
            Money inScopeAmount, Money deductiblePaid, Ratio poolRatio, Money poolPaid, Money overCapSelfPaid,
            Money criticalIllnessPaid, Money fundPaid, Money personalPart, Money accountPaid, Money cashPaid,
            Money accountBalance) {
        this(region, medType, totalAmount, fullySelfPaid, preSelfPaid, inScopeAmount, deductiblePaid, poolRatio, poolPaid,
                overCapSelfPaid, criticalIllnessPaid, fundPaid, personalPart, accountPaid, cashPaid, accountBalance, Money.ZERO,
                null);
    }
}
