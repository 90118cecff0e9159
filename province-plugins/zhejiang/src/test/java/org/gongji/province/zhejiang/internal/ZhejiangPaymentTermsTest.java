package org.gongji.province.zhejiang.internal;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.PerCapitaTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.payment.BookedSettlement;
import org.gongji.payment.Headcount;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.PerCapitaPayment;
import org.junit.jupiter.api.Test;

/** 浙政办门诊共济意见 二(六): primary outpatient per capita under a global budget, by family-doctor contracts. */
class ZhejiangPaymentTermsTest {

    private final StandardRegion region = StandardRegion.ofResource("rules/330000-zhejiang.txt");

    @Test
    void defaults_pay_primary_outpatient_per_capita_by_signed_persons() {
        LocalDate day = LocalDate.of(2023, 1, 1);
        var terms = region.providerPayment().orElseThrow();
        assertThat(terms.methods(day)).containsExactlyInAnyOrder(ProviderPaymentMethod.PER_CAPITA, ProviderPaymentMethod.PER_ITEM);
        PerCapitaTerms perCapita = terms.perCapita(day).orElseThrow();
        assertThat(perCapita.scope().covers(MedicalType.GENERAL_OUTPATIENT, InstitutionLevel.PRIMARY)).isTrue();
        assertThat(perCapita.scope().covers(MedicalType.GENERAL_OUTPATIENT, InstitutionLevel.SECONDARY)).isFalse();
        assertThat(perCapita.headcount().citation().toString()).isEqualTo("浙政办门诊共济意见(2022-03-15) 二(六)");
        assertThat(perCapita.ratePerPersonMonth().citation().assumption()).isTrue();
    }

    @Test
    void an_overspent_clinic_is_paid_its_budget_plus_the_funds_share_of_reasonable_overspend() {
        Institution clinic = new Institution("330100-C1", "社区卫生服务中心", RegionCode.of("330100"), InstitutionLevel.PRIMARY, false);
        var settlements = List.of(new BookedSettlement("s", clinic, LocalDate.of(2023, 2, 1), MedicalType.GENERAL_OUTPATIENT,
                Money.parse("4000.00"), List.of(FeeLine.classA("D", Money.parse("6000.00"))), false));
        // budget 10.00 × 100 × 3 = 3000.00; overspend 1000 counted to 300 (10 %), fund bears 50 % = 150
        var run = new PerCapitaPayment().run(region, PaymentPeriod.parse("2023-Q1"), List.of(new Headcount(clinic, 100)), settlements);
        assertThat(run.institution("330100-C1").amount()).isEqualTo(Money.parse("3150.00"));
    }
}
