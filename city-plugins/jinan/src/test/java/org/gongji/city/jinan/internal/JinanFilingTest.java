package org.gongji.city.jinan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.gongji.api.spi.region.BoundViolation;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.conformance.ConformanceStatus;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.junit.jupiter.api.Test;

/** Deliberately bad variants of Jinan's filing are reported with the Shandong clause they break. */
class JinanFilingTest {

    private final Region shandong = StandardRegion.ofResource("rules/370000-shandong.txt");

    private static Region jinanWith(String... rows) {
        Region jinan = StandardRegion.ofResource("rules/370100-jinan.txt");
        return new StandardRegion(jinan.parameters().with("370100-variant",
                Arrays.stream(rows).map(r -> ParameterTableReader.parse(r, "variant")).toList()));
    }

    @Test
    void jinan_as_shipped_conforms() {
        assertThat(ConformanceCheck.check(StandardRegion.ofResource("rules/370100-jinan.txt"), shandong).status()).isEqualTo(ConformanceStatus.CONFORMS);
    }

    @Test
    void a_45_percent_employed_ratio_breaks_the_50_percent_floor_of_clause_2_2() {
        ConformanceReport report = ConformanceCheck.check(
                jinanWith("outpatient.ratio.tertiary | 45% | 2022-01-01 | ASSUMPTION | bad on purpose"), shandong);
        assertThat(report.status()).isEqualTo(ConformanceStatus.VIOLATES);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.boundId()).isEqualTo("bound.outpatient.ratio.min");
            assertThat(v.parameter()).isEqualTo("outpatient.ratio.tertiary");
            assertThat(v.actual()).isEqualTo("45%");
            assertThat(v.bound()).isEqualTo("≥ 50%");
            assertThat(v.citation().toString()).isEqualTo("鲁政办发〔2021〕22号 二(二)");
        });
    }

    @Test
    void a_primary_ratio_only_5_points_above_tertiary_breaks_the_10_point_spread() {
        ConformanceReport report = ConformanceCheck.check(
                jinanWith("outpatient.ratio.primary | 55% | 2022-01-01 | ASSUMPTION | bad on purpose"), shandong);
        assertThat(report.violations()).extracting(BoundViolation::boundId)
                .containsExactly("bound.outpatient.ratio.levelSpread.min");
    }

    @Test
    void a_per_visit_deductible_breaks_the_annual_cumulation() {
        ConformanceReport report = ConformanceCheck.check(
                jinanWith("outpatient.deductible.mode | PER_VISIT | 2022-01-01 | ASSUMPTION | bad on purpose"), shandong);
        assertThat(report.violations()).extracting(BoundViolation::boundId, BoundViolation::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bound.outpatient.deductible.mode.is", "PER_VISIT"));
    }

    @Test
    void a_deductible_above_2_percent_of_the_provincial_wage_is_reported() {
        // 2% of the (assumed) 84,000.00 is 1,680.00
        ConformanceReport report = ConformanceCheck.check(
                jinanWith("outpatient.deductible.tertiary | 1800.00 | 2022-01-01 | ASSUMPTION | bad on purpose"), shandong);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.boundId()).isEqualTo("bound.outpatient.deductible.maxShareOfAverageWage");
            assertThat(v.bound()).contains("1680.00");
        });
    }

    @Test
    void keeping_the_employer_share_in_2024_breaks_the_timeline_from_january_2024() {
        ConformanceReport report = ConformanceCheck.check(
                jinanWith("account.employed.employerShareRate | 1% | 2024-01-01 | ASSUMPTION | bad on purpose"), shandong);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.boundId()).isEqualTo("bound.account.employed.employerShareRate.max");
            assertThat(v.from()).hasToString("2024-01-01");
            assertThat(v.citation().toString()).isEqualTo("鲁政办发〔2021〕22号 二(五)");
        });
    }

    @Test
    void an_employer_share_not_halved_by_the_end_of_2022_is_reported_from_that_date() {
        ConformanceReport report = ConformanceCheck.check(
                jinanWith("account.employed.employerShareRate | 2% | 2022-12-01 | ASSUMPTION | not halved, bad on purpose"), shandong);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.boundId()).isEqualTo("bound.account.employed.employerShareRate.maxShareOfEarliest");
            assertThat(v.actual()).isEqualTo("2% (earliest 2% from 2022-01-01)");
            assertThat(v.from()).hasToString("2022-12-31");
        });
    }

    @Test
    void a_cap_far_above_five_percent_of_the_wage_is_reported_from_the_year_it_takes_effect() {
        ConformanceReport report = ConformanceCheck.check(
                jinanWith("outpatient.cap.retired | 8000.00 | 2025-01-01 | ASSUMPTION | bad on purpose"), shandong);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.boundId()).isEqualTo("bound.outpatient.cap.aboutShareOfAverageWage");
            assertThat(v.from()).hasToString("2025-01-01");
        });
    }
}
