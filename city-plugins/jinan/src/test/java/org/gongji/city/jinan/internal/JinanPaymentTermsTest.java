package org.gongji.city.jinan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.payment.BookedSettlement;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.PaymentRun;
import org.gongji.payment.PerItemPayment;
import org.junit.jupiter.api.Test;

/** 济南深化医保改革意见 三.12: chronic outpatient per capita; DRG and bed-day are not modelled, so the rest is per item. */
class JinanPaymentTermsTest {

    private final JinanRegion region = new JinanRegion();
    private final Institution hospital = new Institution("370100-H1", "济南市某医院", RegionCode.of("370100"),
            InstitutionLevel.TERTIARY, false);

    @Test
    void pays_chronic_outpatient_per_capita_and_not_by_dip() {
        ProviderPaymentTerms terms = region.providerPayment().orElseThrow();
        LocalDate day = LocalDate.of(2022, 1, 1);
        assertThat(terms.methods(day)).containsExactlyInAnyOrder(ProviderPaymentMethod.PER_CAPITA, ProviderPaymentMethod.PER_ITEM);
        assertThat(terms.perCapita(day).orElseThrow().scope().covers(MedicalType.CHRONIC_OUTPATIENT, InstitutionLevel.TERTIARY)).isTrue();
        assertThat(terms.perCapita(day).orElseThrow().scope().citation().toString())
                .isEqualTo("济南深化医保改革意见(2021-10-19) 三.12");
        assertThat(terms.dip(day)).isEmpty();
    }

    @Test
    void chronic_outpatient_is_left_out_of_the_per_item_totals() {
        List<BookedSettlement> booked = List.of(
                new BookedSettlement("a", hospital, LocalDate.of(2022, 3, 1), MedicalType.CHRONIC_OUTPATIENT,
                        Money.parse("300.00"), List.of(FeeLine.classA("D", Money.parse("400.00"))), false),
                new BookedSettlement("b", hospital, LocalDate.of(2022, 3, 2), MedicalType.INPATIENT,
                        Money.parse("5000.00"), List.of(FeeLine.classA("D", Money.parse("6000.00"))), false));
        PaymentRun run = new PerItemPayment().run(region, PaymentPeriod.parse("2022-03"), booked);
        assertThat(run.institution("370100-H1").amount()).isEqualTo(Money.parse("5000.00"));
    }
}
