package org.gongji.city.jiaozuo.internal;

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
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.payment.BookedSettlement;
import org.gongji.payment.Headcount;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.PaymentRun;
import org.gongji.payment.PerCapitaPayment;
import org.gongji.payment.PerItemPayment;
import org.junit.jupiter.api.Test;

/** 焦政办〔2022〕22号 二(五): primary care per capita, day surgery by DIP, the rest per item. */
class JiaozuoPaymentTermsTest {

    private final StandardRegion region = StandardRegion.ofResource("rules/410800-jiaozuo.txt");
    private final Institution clinic = new Institution("410800-C1", "社区卫生服务中心", RegionCode.of("410800"),
            InstitutionLevel.PRIMARY, false);
    private final Institution hospital = new Institution("410800-H1", "市人民医院", RegionCode.of("410800"),
            InstitutionLevel.TERTIARY, false);

    @Test
    void uses_the_three_methods_of_clause_two_five_from_july_2022() {
        ProviderPaymentTerms terms = region.providerPayment().orElseThrow();
        assertThat(terms.methods(LocalDate.of(2022, 7, 1))).containsExactlyInAnyOrder(ProviderPaymentMethod.PER_CAPITA,
                ProviderPaymentMethod.DIP, ProviderPaymentMethod.PER_ITEM);
        assertThat(terms.methods(LocalDate.of(2022, 6, 30))).isEmpty();
        PerCapitaTerms perCapita = terms.perCapita(LocalDate.of(2022, 7, 1)).orElseThrow();
        assertThat(perCapita.scope().covers(MedicalType.GENERAL_OUTPATIENT, InstitutionLevel.PRIMARY)).isTrue();
        assertThat(perCapita.scope().covers(MedicalType.GENERAL_OUTPATIENT, InstitutionLevel.TERTIARY)).isFalse();
        assertThat(perCapita.scope().citation().toString()).isEqualTo("焦政办〔2022〕22号 二(五)");
        assertThat(perCapita.ratePerPersonMonth().citation().assumption()).isTrue();
        assertThat(terms.dip(LocalDate.of(2022, 7, 1)).orElseThrow().scope().covers(MedicalType.DAY_SURGERY,
                InstitutionLevel.SECONDARY)).isTrue();
        assertThat(terms.perItem(LocalDate.of(2022, 7, 1)).orElseThrow().separatelyPaid().value()).isEmpty();
    }

    @Test
    void pays_a_primary_clinic_per_capita_and_a_hospital_per_item() {
        PaymentPeriod period = PaymentPeriod.parse("2022-H2");
        List<BookedSettlement> booked = List.of(
                new BookedSettlement("a", clinic, LocalDate.of(2022, 8, 1), MedicalType.GENERAL_OUTPATIENT,
                        Money.parse("500.00"), List.of(FeeLine.classA("D", Money.parse("800.00"))), false),
                new BookedSettlement("b", hospital, LocalDate.of(2022, 8, 1), MedicalType.GENERAL_OUTPATIENT,
                        Money.parse("75.00"), List.of(FeeLine.classA("D", Money.parse("200.00"))), false));
        // 10.00 × 20 persons × 6 months = 1200.00; spent 500.00; surplus 700 counted to 120 (10 %), keeps 50 % = 60
        PaymentRun perCapita = new PerCapitaPayment().run(region, period, List.of(new Headcount(clinic, 20)), booked);
        assertThat(perCapita.institution("410800-C1").amount()).isEqualTo(Money.parse("560.00"));
        PaymentRun perItem = new PerItemPayment().run(region, period, booked);
        assertThat(perItem.institutions()).singleElement().satisfies(p -> {
            assertThat(p.institutionId()).isEqualTo("410800-H1");
            assertThat(p.amount()).isEqualTo(Money.parse("75.00"));
        });
    }
}
