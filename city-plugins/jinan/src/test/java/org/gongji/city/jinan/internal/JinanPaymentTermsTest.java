package org.gongji.city.jinan.internal;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.engine.TraceEntry;
import org.gongji.payment.BedDayCase;
import org.gongji.payment.BedDayCaseListReader;
import org.gongji.payment.BedDayPayment;
import org.gongji.payment.DipCase;
import org.gongji.payment.DipCatalogue;
import org.gongji.payment.DrgCaseListReader;
import org.gongji.payment.DrgCatalogueReader;
import org.gongji.payment.DrgPayment;
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

    private final StandardRegion region = StandardRegion.ofResource("rules/370100-jinan.txt");
    private final Institution hospital = new Institution("370100-H1", "济南市某医院", RegionCode.of("370100"),
            InstitutionLevel.TERTIARY, false);

    @Test
    void pays_chronic_outpatient_per_capita_and_not_by_dip() {
        ProviderPaymentTerms terms = region.providerPayment().orElseThrow();
        LocalDate day = LocalDate.of(2022, 1, 1);
        assertThat(terms.methods(day)).containsExactlyInAnyOrder(ProviderPaymentMethod.PER_CAPITA, ProviderPaymentMethod.DRG,
                ProviderPaymentMethod.BED_DAY, ProviderPaymentMethod.PER_ITEM);
        assertThat(terms.perCapita(day).orElseThrow().scope().covers(MedicalType.CHRONIC_OUTPATIENT, InstitutionLevel.TERTIARY)).isTrue();
        assertThat(terms.perCapita(day).orElseThrow().scope().citation().toString())
                .isEqualTo("济南深化医保改革意见(2021-10-19) 三.12");
        assertThat(terms.dip(day)).isEmpty();
    }

    @Test
    void chronic_outpatient_and_inpatient_stays_are_left_out_of_the_per_item_totals() {
        List<BookedSettlement> booked = List.of(
                new BookedSettlement("a", hospital, LocalDate.of(2022, 3, 1), MedicalType.CHRONIC_OUTPATIENT,
                        Money.parse("300.00"), List.of(FeeLine.classA("D", Money.parse("400.00"))), false),
                new BookedSettlement("b", hospital, LocalDate.of(2022, 3, 2), MedicalType.INPATIENT,
                        Money.parse("5000.00"), List.of(FeeLine.classA("D", Money.parse("6000.00"))), false),
                new BookedSettlement("c", hospital, LocalDate.of(2022, 3, 3), MedicalType.DAY_SURGERY,
                        Money.parse("5000.00"), List.of(FeeLine.classA("D", Money.parse("6000.00"))), false));
        PaymentRun run = new PerItemPayment().run(region, PaymentPeriod.parse("2022-03"), booked);
        assertThat(run.institution("370100-H1").amount()).isEqualTo(Money.parse("5000.00"));
    }

    private static Map<String, Institution> institutions() {
        Map<String, Institution> m = new HashMap<>();
        m.put("H1", new Institution("H1", "三级", RegionCode.of("370100"), InstitutionLevel.TERTIARY, false));
        m.put("S1", new Institution("S1", "二级", RegionCode.of("370100"), InstitutionLevel.SECONDARY, false));
        m.put("P1", new Institution("P1", "一级", RegionCode.of("370100"), InstitutionLevel.PRIMARY, false));
        return m;
    }

    /**
     * 三.12 普通住院按疾病诊断相关分组付费. Weights: H1 1 + 2 = 3 × 1.00; S1 1 + 5 (50000 above 3 × 10000: 1 × 50000 ÷ 10000)
     * = 6 × 0.90 = 5.4; P1 2 × 5000 ÷ 20000 = 0.5 (below 40 % of 20000) × 0.80 = 0.4; all 8.8. Value 70000 + 19000 paid by
     * patients = 89000; shares 30340.909…, 54613.636…, 4045.454… to the fen by largest remainder: 30340.91, 54613.64, 4045.45.
     */
    @Test
    void drg_shares_the_budget_to_the_fen_by_relative_weights_outliers_and_level_coefficients() {
        DipCatalogue groups = DrgCatalogueReader.read("groups", new StringReader("""
                group,name,weight,averageCost
                G1,SYNTHETIC group one,1.0000,10000.00
                G2,SYNTHETIC group two,2.0000,20000.00
                """));
        List<DipCase> cases = DrgCaseListReader.read("cases", new StringReader("""
                caseId,institutionId,group,date,totalCost,patientPaid,otherFundsPaid
                c1,H1,G1,2022-03-01,10000.00,2000.00,0
                c2,H1,G2,2022-03-02,20000.00,4000.00,0
                c3,S1,G1,2022-03-03,10000.00,2000.00,0
                c4,S1,G1,2022-03-04,50000.00,10000.00,0
                c5,P1,G2,2022-03-05,5000.00,1000.00,0
                """));
        PaymentRun run = new DrgPayment().run(region, PaymentPeriod.parse("2022-03"), Money.parse("70000.00"), groups, cases,
                institutions());
        assertThat(run.institution("H1").amount()).isEqualTo(Money.parse("24340.91"));
        assertThat(run.institution("S1").amount()).isEqualTo(Money.parse("42613.64"));
        assertThat(run.institution("P1").amount()).isEqualTo(Money.parse("3045.45"));
        assertThat(run.total()).isEqualTo(Money.parse("70000.00"));
        assertThat(run.trace()).extracting(TraceEntry::step).contains("base rate", "DRG total paid by the fund");
        assertThat(run.institution("S1").trace()).anySatisfy(t -> {
            assertThat(t.step()).isEqualTo("high-ratio cases: 1");
            assertThat(t.parameter()).contains("payment.drg.highRatio = 300%");
        });
    }

    /**
     * 三.12 医疗康复及慢性精神疾病等长期住院按床日付费: rehabilitation 400.00 and psychiatric 200.00 a bed-day, days 61-180
     * at 90 %, from day 181 at 80 % (ASSUMPTION rows). s1 60 rehabilitation days 24000 - 3000; s2 150 psychiatric days
     * 60 × 200 + 90 × 180 = 28200 - 2000 - 1000; s3 287 psychiatric days 12000 + 120 × 180 + 107 × 160 = 50720 - 5000.
     */
    @Test
    void bed_day_pays_each_long_stay_by_its_categorys_rate_and_the_length_of_stay_bands() {
        List<BedDayCase> stays = BedDayCaseListReader.read("stays", new StringReader("""
                caseId,institutionId,category,admissionDate,dischargeDate,totalCost,patientPaid,otherFundsPaid
                s1,H1,REHABILITATION,2022-01-01,2022-03-02,30000.00,3000.00,0
                s2,H1,PSYCHIATRIC,2021-11-01,2022-03-31,30000.00,2000.00,1000.00
                s3,S1,PSYCHIATRIC,2021-06-01,2022-03-15,55000.00,5000.00,0
                """));
        PaymentRun run = new BedDayPayment().run(region, PaymentPeriod.parse("2022-Q1"), stays, institutions());
        assertThat(run.institution("H1").amount()).isEqualTo(Money.parse("46200.00"));
        assertThat(run.institution("S1").amount()).isEqualTo(Money.parse("45720.00"));
        assertThat(run.total()).isEqualTo(Money.parse("91920.00"));
        assertThat(run.institution("S1").trace()).anySatisfy(t -> {
            assertThat(t.step()).isEqualTo("bed-days from day 181: 107");
            assertThat(t.parameter()).isEqualTo("payment.bedDay.band.3.share = 80%");
        });
        assertThatThrownBy(() -> new BedDayPayment().run(region, PaymentPeriod.parse("2022-Q1"), BedDayCaseListReader.read("x",
                new StringReader("caseId,institutionId,category,admissionDate,dischargeDate,totalCost,patientPaid,otherFundsPaid\n"
                        + "s9,H1,HOSPICE,2022-01-01,2022-01-31,1000.00,0,0\n")), institutions()))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
}
