package org.gongji.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.engine.TestRegions.outpatient;

import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.junit.jupiter.api.Test;

/** The pipeline's arithmetic on the fictional city 990100 (annual deductible, fund cap shared with outpatient). */
class SettlementEngineTest {

    private final SettlementEngine engine = new SettlementEngine();
    private final Region city = TestRegions.city();

    private SettlementResult settle(Person person, Visit visit, YearToDate ytd, String balance) {
        return engine.settle(new SettlementRequest(person, visit, city, ytd, Money.parse(balance), true));
    }

    @Test
    void anAnnualDeductibleIsCumulatedAcrossVisitsAndLevels() {
        SettlementResult first = settle(TestRegions.employed(), outpatient("2023-03-01", InstitutionLevel.PRIMARY, "60.00"), null, "0");
        assertThat(first.breakdown().deductiblePaid()).isEqualTo(Money.parse("60.00"));
        assertThat(first.breakdown().poolPaid()).isEqualTo(Money.ZERO);

        // 40 of the primary deductible remains; at a secondary the standard is 200, of which 60 is paid
        SettlementResult second = settle(TestRegions.employed(), outpatient("2023-03-02", InstitutionLevel.SECONDARY, "500.00"),
                first.yearToDate(), "0");
        assertThat(second.breakdown().deductiblePaid()).isEqualTo(Money.parse("140.00"));
        assertThat(second.breakdown().poolPaid()).isEqualTo(Money.parse("216.00")); // (500 - 140) × 60%
        assertThat(second.yearToDate().usage(Benefit.GENERAL_OUTPATIENT).deductiblePaid()).isEqualTo(Money.parse("200.00"));
    }

    @Test
    void retireesPayHalfTheDeductibleAndGetFivePointsMore() {
        SettlementResult r = settle(TestRegions.retired(), outpatient("2023-03-01", InstitutionLevel.TERTIARY, "1000.00"), null, "0");
        assertThat(r.breakdown().deductiblePaid()).isEqualTo(Money.parse("150.00"));
        assertThat(r.breakdown().poolRatio().toString()).isEqualTo("55%");
        assertThat(r.breakdown().poolPaid()).isEqualTo(Money.parse("467.50"));
        assertThat(r.trace()).extracting(TraceEntry::step)
                .contains("deductible adjustment: retired", "pay ratio adjustment: retired", "pay ratio applied");
    }

    @Test
    void theFundCapBindsBeforeTheBenefitCapWhenItIsLower() {
        YearToDate ytd = YearToDate.empty(2023).plus(Benefit.INPATIENT, new org.gongji.api.spi.benefit.Usage(Money.ZERO,
                Money.parse("1900.00"), 1), Money.parse("1900.00"), Money.ZERO, Money.ZERO);
        SettlementResult r = settle(TestRegions.employed(), outpatient("2023-05-01", InstitutionLevel.PRIMARY, "1100.00"), ytd, "0");
        // (1100 - 100) × 70% = 700, benefit cap leaves 2000, fund cap 2100 - 1900 = 200
        assertThat(r.breakdown().poolPaid()).isEqualTo(Money.parse("200.00"));
        assertThat(r.breakdown().overCapSelfPaid()).isEqualTo(Money.parse("500.00"));
        assertThat(r.yearToDate().fundCapUsed()).isEqualTo(Money.parse("2100.00"));
    }

    @Test
    void aNumberChangedFromJanuaryAppliesToVisitsFromJanuary() {
        YearToDate used = YearToDate.empty(2024).plus(Benefit.GENERAL_OUTPATIENT,
                new org.gongji.api.spi.benefit.Usage(Money.parse("100.00"), Money.parse("2000.00"), 3), Money.ZERO, Money.ZERO, Money.ZERO);
        SettlementResult r = settle(TestRegions.employed(), outpatient("2024-02-01", InstitutionLevel.PRIMARY, "1000.00"), used, "0");
        assertThat(r.breakdown().poolPaid()).isEqualTo(Money.parse("400.00")); // cap 2400 from 2024 (TEST-2 一)
        assertThat(r.trace()).anySatisfy(e -> assertThat(String.valueOf(e.citation())).isEqualTo("TEST-2 一"));
    }

    @Test
    void accumulatorsOfAnotherYearCountAsAnEmptyYear() {
        YearToDate lastYear = YearToDate.empty(2023).plus(Benefit.GENERAL_OUTPATIENT,
                new org.gongji.api.spi.benefit.Usage(Money.parse("100.00"), Money.parse("2000.00"), 9), Money.ZERO, Money.ZERO, Money.ZERO);
        SettlementResult r = settle(TestRegions.employed(), outpatient("2024-01-02", InstitutionLevel.PRIMARY, "200.00"), lastYear, "0");
        assertThat(r.breakdown().deductiblePaid()).isEqualTo(Money.parse("100.00"));
        assertThat(r.breakdown().poolPaid()).isEqualTo(Money.parse("70.00"));
        assertThat(r.yearToDate().year()).isEqualTo(2024);
    }

    @Test
    void thePharmacyTakesTheTermsOfTheLevelTheRegionNames() {
        SettlementResult r = settle(TestRegions.employed(), outpatient("2023-03-01", InstitutionLevel.PHARMACY, "300.00"), null, "0");
        assertThat(r.breakdown().deductiblePaid()).isEqualTo(Money.parse("200.00"));
        assertThat(r.breakdown().poolRatio().toString()).isEqualTo("60%");
        assertThat(r.trace()).anySatisfy(e -> assertThat(e.parameter()).startsWith("outpatient.pharmacy.termsLevel = SECONDARY"));
    }

    @Test
    void theAccountPaysFirstAndNeverMoreThanItsBalance() {
        SettlementResult r = settle(TestRegions.employed(), outpatient("2023-03-01", InstitutionLevel.TERTIARY, "400.00"), null, "120.00");
        Breakdown b = r.breakdown();
        assertThat(b.personalPart()).isEqualTo(Money.parse("350.00"));
        assertThat(b.accountPaid()).isEqualTo(Money.parse("120.00"));
        assertThat(b.cashPaid()).isEqualTo(Money.parse("230.00"));
        assertThat(b.accountBalance()).isEqualTo(Money.ZERO);
    }

    @Test
    void everyStepIsTracedWithItsClause() {
        SettlementResult r = settle(TestRegions.employed(), outpatient("2023-03-01", InstitutionLevel.TERTIARY, "400.00"), null, "0");
        assertThat(r.trace()).extracting(TraceEntry::step).containsSubsequence("total", "fully self-paid (class C)",
                "pre-self-pay (class B)", "in-scope", "deductible standard", "deductible paid", "pay ratio",
                "pool pay before caps", "benefit annual cap remaining", "fund annual cap remaining", "pool pay", "personal part",
                "account pay", "cash pay");
        assertThat(r.trace()).filteredOn(e -> e.step().equals("deductible standard")).singleElement()
                .satisfies(e -> assertThat(e.citation().toString()).isEqualTo("TEST-1 二"));
    }

    @Test
    void aVisitBeforeTheRegionsFirstDayIsRefused() {
        assertThatThrownBy(() -> settle(TestRegions.employed(), outpatient("2022-12-31", InstitutionLevel.PRIMARY, "10.00"), null, "0"))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_NOT_IN_FORCE));
    }

    @Test
    void aBenefitTheRegionDoesNotProvideIsRefused() {
        Visit admission = TestRegions.visit("2023-03-01", InstitutionLevel.SECONDARY, MedicalType.INPATIENT,
                org.gongji.api.visit.FeeLine.classA("A", Money.ofYuan(100)));
        assertThatThrownBy(() -> settle(TestRegions.employed(), admission, null, "0"))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BENEFIT_NOT_COVERED));
    }

    @Test
    void aChronicVisitForADiseaseThePersonIsNotRecognisedWithIsRefused() { // recognised: none; M03900 is in the catalogue
        Visit chronic = new Visit(java.time.LocalDate.of(2023, 3, 1), MedicalType.CHRONIC_OUTPATIENT,
                new org.gongji.api.institution.Institution("s", "s", TestRegions.CITY, InstitutionLevel.SECONDARY, false), "M03900",
                java.util.List.of(org.gongji.api.visit.FeeLine.classA("A", Money.ofYuan(100))));
        assertThatThrownBy(() -> settle(TestRegions.employed(), chronic, null, "0"))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DISEASE_NOT_RECOGNISED));
    }

    @Test
    void aRecognisedChronicDiseaseSettlesUnderItsOwnDeductibleRatioAndCap() {
        Person person = new Person("p3", "chronic", TestRegions.CITY, java.time.LocalDate.of(1960, 1, 1),
                org.gongji.api.person.PersonCategory.EMPLOYED, null, Money.ZERO, null, java.util.List.of(org.gongji.api.person.ChronicRecognition.since("M03900", java.time.LocalDate.of(2020, 1, 1))), null);
        Visit chronic = new Visit(java.time.LocalDate.of(2023, 3, 1), MedicalType.CHRONIC_OUTPATIENT,
                new org.gongji.api.institution.Institution("p", "p", TestRegions.CITY, InstitutionLevel.PRIMARY, false), "M03900",
                java.util.List.of(org.gongji.api.visit.FeeLine.classA("A", Money.ofYuan(1200))));
        SettlementResult r = settle(person, chronic, null, "0");
        assertThat(r.breakdown().deductiblePaid()).isEqualTo(Money.parse("200.00"));
        assertThat(r.breakdown().poolRatio().toString()).isEqualTo("80%");
        assertThat(r.breakdown().poolPaid()).isEqualTo(Money.parse("800.00"));
        assertThat(r.yearToDate().usage(Benefit.CHRONIC_OUTPATIENT).poolPaid()).isEqualTo(Money.parse("800.00"));
        assertThat(r.yearToDate().usage(Benefit.GENERAL_OUTPATIENT).poolPaid()).isEqualTo(Money.ZERO);
    }

    @Test
    void aChronicVisitOutsideTheRecognitionsDatesIsRefusedAndInsideSettles() { // recognised M03900 2023-02-01..2023-02-28
        Person person = new Person("p6", "chronic", TestRegions.CITY, java.time.LocalDate.of(1960, 1, 1),
                org.gongji.api.person.PersonCategory.EMPLOYED, null, Money.ZERO, null, java.util.List.of(
                        new org.gongji.api.person.ChronicRecognition("M03900", java.time.LocalDate.of(2023, 2, 1),
                                java.time.LocalDate.of(2023, 2, 28))), null);
        for (java.time.LocalDate date : java.util.List.of(java.time.LocalDate.of(2023, 1, 31), java.time.LocalDate.of(2023, 3, 1))) {
            Visit chronic = new Visit(date, MedicalType.CHRONIC_OUTPATIENT,
                    new org.gongji.api.institution.Institution("p", "p", TestRegions.CITY, InstitutionLevel.PRIMARY, false), "M03900",
                    java.util.List.of(org.gongji.api.visit.FeeLine.classA("A", Money.ofYuan(1200))));
            assertThatThrownBy(() -> settle(person, chronic, null, "0"))
                    .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DISEASE_NOT_RECOGNISED));
        }
        Visit lastDay = new Visit(java.time.LocalDate.of(2023, 2, 28), MedicalType.CHRONIC_OUTPATIENT,
                new org.gongji.api.institution.Institution("p", "p", TestRegions.CITY, InstitutionLevel.PRIMARY, false), "M03900",
                java.util.List.of(org.gongji.api.visit.FeeLine.classA("A", Money.ofYuan(1200))));
        assertThat(settle(person, lastDay, null, "0").breakdown().poolPaid()).isEqualTo(Money.parse("800.00"));
    }

    @Test
    void aChronicDiseaseOutsideTheCatalogueIsNotCovered() {
        Person person = new Person("p4", "chronic", TestRegions.CITY, java.time.LocalDate.of(1960, 1, 1),
                org.gongji.api.person.PersonCategory.EMPLOYED, null, Money.ZERO, null, java.util.List.of(org.gongji.api.person.ChronicRecognition.since("J45", java.time.LocalDate.of(2020, 1, 1))), null);
        Visit chronic = new Visit(java.time.LocalDate.of(2023, 3, 1), MedicalType.CHRONIC_OUTPATIENT,
                new org.gongji.api.institution.Institution("p", "p", TestRegions.CITY, InstitutionLevel.PRIMARY, false), "J45",
                java.util.List.of(org.gongji.api.visit.FeeLine.classA("A", Money.ofYuan(100))));
        assertThatThrownBy(() -> settle(person, chronic, null, "0"))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BENEFIT_NOT_COVERED));
    }

    @Test
    void aSettlementUnderAnotherRegionsRulesKeepsThePersonsRegionAndSaysWhoseRulesApplied() {
        Person elsewhere = new Person("p5", "fallback", org.gongji.api.region.RegionCode.of("990200"), java.time.LocalDate.of(1980, 1, 1),
                org.gongji.api.person.PersonCategory.EMPLOYED, null, Money.ZERO, null, null, null);
        SettlementResult r = settle(elsewhere, outpatient("2023-03-01", InstitutionLevel.PRIMARY, "300.00"), null, "0");
        assertThat(r.breakdown().region().value()).isEqualTo("990200");
        assertThat(r.trace().get(0).step()).isEqualTo("rules of 990100");
        assertThat(r.trace().get(0).citation().toString()).isEqualTo("TEST-1 一");
    }

    @Test
    void aChronicVisitWithoutADiseaseCodeIsABadRequest() {
        Visit chronic = new Visit(java.time.LocalDate.of(2023, 3, 1), MedicalType.CHRONIC_OUTPATIENT,
                new org.gongji.api.institution.Institution("s", "s", TestRegions.CITY, InstitutionLevel.SECONDARY, false), null,
                java.util.List.of(org.gongji.api.visit.FeeLine.classA("A", Money.ofYuan(100))));
        assertThatThrownBy(() -> settle(TestRegions.employed(), chronic, null, "0"))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aReversalDeltaTakesBackExactlyWhatTheSettlementAdded() {
        SettlementResult r = settle(TestRegions.employed(), outpatient("2023-03-01", InstitutionLevel.SECONDARY, "900.00"), null, "0");
        assertThat(r.delta().revertFrom(r.yearToDate())).isEqualTo(new AccumulatorDelta(2023, Benefit.GENERAL_OUTPATIENT,
                org.gongji.api.spi.benefit.Usage.NONE, Money.ZERO, Money.ZERO, Money.ZERO).applyTo(YearToDate.empty(2023)));
    }
}
