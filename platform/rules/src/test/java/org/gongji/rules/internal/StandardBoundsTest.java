package org.gongji.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.BoundViolation;
import org.gongji.rules.ParameterTableReader;
import org.junit.jupiter.api.Test;

class StandardBoundsTest {

    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

    private static ParameterTable table(String... rows) {
        return ParameterTable.of("test", Arrays.stream(rows).map(r -> ParameterTableReader.parse(r, "test")).toList());
    }

    private static final ParameterTable PROVINCE = table(
            "reference.averageWage | 80000.00 | 2022-01-01 | ASSUMPTION | test wage",
            "bound.outpatient.deductible.max | 300.00 | 2022-01-01 | 甘政办发〔2021〕111号 第七条 | 不高于300元",
            "bound.outpatient.deductible.maxShareOfAverageWage | 2% | 2022-01-01 | 鲁政办发〔2021〕22号 二(二) |",
            "bound.outpatient.deductible.mode.is | ANNUAL | 2022-01-01 | 鲁政办发〔2021〕22号 二(二) |",
            "bound.outpatient.ratio.min | 50% | 2022-01-01 | 鲁政办发〔2021〕22号 二(二) |",
            "bound.outpatient.ratio.levelSpread.min | 10% | 2022-01-01 | 鲁政办发〔2021〕22号 二(二) |",
            "bound.outpatient.ratio.about | 60% | 2022-01-01 | 甘政办发〔2021〕111号 第七条 |",
            "bound.outpatient.ratio.about.tolerance | 5% | 2022-01-01 | ASSUMPTION | 左右",
            "bound.outpatient.ratio.retired.about | 65% | 2022-01-01 | 甘政办发〔2021〕111号 第七条 |",
            "bound.outpatient.ratio.retired.about.tolerance | 5% | 2022-01-01 | ASSUMPTION | 左右",
            "bound.outpatient.cap.aboutShareOfAverageWage | 5% | 2022-01-01 | 鲁政办发〔2021〕22号 二(二) |",
            "bound.outpatient.cap.aboutShareOfAverageWage.tolerance | 2% | 2022-01-01 | ASSUMPTION | 左右",
            "bound.outpatient.pharmacy.termsLevel.required | yes | 2022-01-01 | 鲁政办发〔2021〕22号 二(四) |",
            "bound.account.employed.employerShareRate.max | 0% | 2024-01-01 | 鲁政办发〔2021〕22号 二(五) |");

    private static final String[] GOOD_CITY = {
            "outpatient.deductible.mode | ANNUAL | 2022-01-01 | ASSUMPTION | t",
            "outpatient.deductible.tertiary | 300.00 | 2022-01-01 | ASSUMPTION | t",
            "outpatient.deductible.secondary | 200.00 | 2022-01-01 | ASSUMPTION | t",
            "outpatient.deductible.primary | 100.00 | 2022-01-01 | ASSUMPTION | t",
            "outpatient.ratio.tertiary | 55% | 2022-01-01 | ASSUMPTION | t",
            "outpatient.ratio.secondary | 60% | 2022-01-01 | ASSUMPTION | t",
            "outpatient.ratio.primary | 65% | 2022-01-01 | ASSUMPTION | t",
            "outpatient.ratio.retiredBonus | 5% | 2022-01-01 | ASSUMPTION | t",
            "outpatient.cap.employed | 4000.00 | 2022-01-01 | ASSUMPTION | t",
            "outpatient.cap.retired | 4500.00 | 2022-01-01 | ASSUMPTION | t",
            "outpatient.pharmacy.termsLevel | TERTIARY | 2022-01-01 | ASSUMPTION | t",
            "account.employed.employerShareRate | 1% | 2022-01-01 | ASSUMPTION | t",
            "account.employed.employerShareRate | 0% | 2024-01-01 | ASSUMPTION | t"};

    private static List<BoundViolation> check(ParameterTable city, LocalDate date) {
        return StandardBounds.of(PROVINCE).stream().flatMap(b -> b.check(city, date).stream()).toList();
    }

    private static ParameterTable city(String... changes) {
        return table(GOOD_CITY).with("test", Arrays.stream(changes).map(r -> ParameterTableReader.parse(r, "test")).toList());
    }

    @Test
    void every_bound_row_becomes_one_bound_and_tolerances_are_companions() {
        List<Bound> bounds = StandardBounds.of(PROVINCE);
        assertThat(bounds).extracting(Bound::id).hasSize(10).doesNotContain("bound.outpatient.ratio.about.tolerance");
        assertThat(bounds).filteredOn(b -> b.id().equals("bound.outpatient.deductible.max")).singleElement()
                .satisfies(b -> assertThat(b.description()).contains("outpatient.deductible.{tertiary, secondary, primary} ≤ 300.00"));
    }

    @Test
    void a_city_inside_every_bound_conforms_before_and_after_a_dated_bound() {
        assertThat(check(city(), DAY)).isEmpty();
        assertThat(check(city(), LocalDate.of(2024, 1, 1))).isEmpty();
    }

    @Test
    void a_deductible_above_the_ceiling_names_the_number_the_bound_and_the_clause() {
        List<BoundViolation> v = check(city("outpatient.deductible.tertiary | 400.00 | 2022-01-01 | ASSUMPTION | t"), DAY);
        assertThat(v).extracting(BoundViolation::boundId).containsExactly("bound.outpatient.deductible.max");
        BoundViolation violation = v.get(0);
        assertThat(violation.parameter()).isEqualTo("outpatient.deductible.tertiary");
        assertThat(violation.actual()).isEqualTo("400.00");
        assertThat(violation.bound()).isEqualTo("≤ 300.00");
        assertThat(violation.citation().toString()).isEqualTo("甘政办发〔2021〕111号 第七条");
        assertThat(violation.from()).isEqualTo(DAY);
    }

    @Test
    void share_of_the_average_wage_is_computed_from_the_reference_row() {
        // 2% of 80,000 = 1,600: the 300 ceiling is stricter, so lift it and the share bound alone speaks
        ParameterTable province = PROVINCE.with("test", List.of(
                ParameterTableReader.parse("bound.outpatient.deductible.max | 5000.00 | 2022-01-01 | ASSUMPTION | t", "t")));
        ParameterTable city = city("outpatient.deductible.tertiary | 1600.01 | 2022-01-01 | ASSUMPTION | t");
        List<BoundViolation> v = StandardBounds.of(province).stream().flatMap(b -> b.check(city, DAY).stream()).toList();
        assertThat(v).extracting(BoundViolation::boundId).containsExactly("bound.outpatient.deductible.maxShareOfAverageWage");
        assertThat(v.get(0).bound()).contains("= 1600.00");
    }

    @Test
    void a_ratio_below_the_floor_and_a_spread_too_small_are_two_findings() {
        List<BoundViolation> v = check(city("outpatient.ratio.tertiary | 45% | 2022-01-01 | ASSUMPTION | t",
                "outpatient.ratio.primary | 50% | 2022-01-01 | ASSUMPTION | t"), DAY);
        assertThat(v).extracting(BoundViolation::boundId).contains("bound.outpatient.ratio.min", "bound.outpatient.ratio.levelSpread.min");
        assertThat(v).filteredOn(x -> x.boundId().equals("bound.outpatient.ratio.min")).extracting(BoundViolation::actual)
                .containsExactly("45%");
    }

    @Test
    void ratios_that_do_not_favour_primary_care_violate_the_spread() {
        List<BoundViolation> v = check(city("outpatient.ratio.secondary | 70% | 2022-01-01 | ASSUMPTION | t"), DAY);
        assertThat(v).extracting(BoundViolation::boundId).contains("bound.outpatient.ratio.levelSpread.min");
    }

    @Test
    void about_checks_the_mean_of_the_levels_within_the_tolerance() {
        // employed 70/75/80 → mean 75, outside 60 ± 5; retired mean 80 outside 65 ± 5
        List<BoundViolation> v = check(city("outpatient.ratio.tertiary | 70% | 2022-01-01 | ASSUMPTION | t",
                "outpatient.ratio.secondary | 75% | 2022-01-01 | ASSUMPTION | t",
                "outpatient.ratio.primary | 80% | 2022-01-01 | ASSUMPTION | t"), DAY);
        assertThat(v).filteredOn(x -> x.boundId().equals("bound.outpatient.ratio.about")).singleElement()
                .satisfies(x -> assertThat(x.actual()).isEqualTo("75%"));
        assertThat(v).extracting(BoundViolation::boundId).contains("bound.outpatient.ratio.retired.about");
    }

    @Test
    void a_cap_far_from_about_five_percent_of_the_wage_is_reported() {
        // 5% ± 2% of 80,000: 2,400 .. 5,600
        assertThat(check(city("outpatient.cap.employed | 2400.00 | 2022-01-01 | ASSUMPTION | t"), DAY)).isEmpty();
        assertThat(check(city("outpatient.cap.employed | 2399.99 | 2022-01-01 | ASSUMPTION | t"), DAY))
                .extracting(BoundViolation::parameter).containsExactly("outpatient.cap.employed");
        assertThat(check(city("outpatient.cap.retired | 5600.01 | 2022-01-01 | ASSUMPTION | t"), DAY))
                .extracting(BoundViolation::parameter).containsExactly("outpatient.cap.retired");
    }

    @Test
    void a_dated_bound_applies_only_from_its_date() {
        ParameterTable city = city("account.employed.employerShareRate | 1% | 2024-01-01 | ASSUMPTION | t");
        assertThat(check(city, LocalDate.of(2023, 12, 31))).isEmpty();
        assertThat(check(city, LocalDate.of(2024, 1, 1))).extracting(BoundViolation::boundId)
                .containsExactly("bound.account.employed.employerShareRate.max");
    }

    @Test
    void a_number_the_city_does_not_state_or_a_wrong_mode_is_reported() {
        ParameterTable noPharmacy = ParameterTable.of("test", table(GOOD_CITY).entries().stream()
                .filter(p -> !p.key().equals("outpatient.pharmacy.termsLevel")).toList());
        assertThat(check(noPharmacy, DAY)).extracting(BoundViolation::parameter, BoundViolation::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("outpatient.pharmacy.termsLevel", "not set"));
        assertThat(check(city("outpatient.deductible.mode | PER_VISIT | 2022-01-01 | ASSUMPTION | t"), DAY))
                .extracting(BoundViolation::boundId).containsExactly("bound.outpatient.deductible.mode.is");
    }

    @Test
    void levels_that_do_not_differ_are_reported() {
        ParameterTable province = table("bound.outpatient.ratio.levelsDiffer | yes | 2022-01-01 | 甘政办发〔2021〕111号 第七条 |");
        ParameterTable same = city("outpatient.ratio.secondary | 55% | 2022-01-01 | ASSUMPTION | t",
                "outpatient.ratio.primary | 55% | 2022-01-01 | ASSUMPTION | t");
        assertThat(StandardBounds.of(province).get(0).check(same, DAY)).singleElement()
                .satisfies(v -> assertThat(v.actual()).isEqualTo("all 55%"));
        assertThat(StandardBounds.of(province).get(0).check(city(), DAY)).isEmpty();
    }

    @Test
    void a_share_of_the_citys_earliest_value_checks_a_transition() {
        ParameterTable province = table(
                "bound.account.employed.employerShareRate.maxShareOfEarliest | 50% | 2022-12-31 | 鲁政办发〔2021〕22号 二(五) |");
        Bound halved = StandardBounds.of(province).get(0);
        ParameterTable city = table("account.employed.employerShareRate | 1.5% | 2022-01-01 | ASSUMPTION | t",
                "account.employed.employerShareRate | 0.75% | 2022-12-01 | ASSUMPTION | t");
        assertThat(halved.check(city, LocalDate.of(2022, 12, 31))).isEmpty();
        ParameterTable notHalved = table("account.employed.employerShareRate | 1.5% | 2022-01-01 | ASSUMPTION | t",
                "account.employed.employerShareRate | 0.76% | 2022-12-01 | ASSUMPTION | t");
        assertThat(halved.check(notHalved, LocalDate.of(2022, 12, 31))).singleElement()
                .satisfies(v -> assertThat(v.actual()).isEqualTo("0.76% (earliest 1.5% from 2022-01-01)"));
        assertThat(halved.check(notHalved, LocalDate.of(2022, 12, 30))).isEmpty();
    }

    @Test
    void a_bound_without_the_rows_it_reads_fails_when_the_province_is_built() {
        assertThatThrownBy(() -> StandardBounds.of(table("bound.outpatient.ratio.about | 60% | 2022-01-01 | ASSUMPTION | t")))
                .hasMessageContaining("bound.outpatient.ratio.about.tolerance");
        assertThatThrownBy(() -> StandardBounds.of(table(
                "bound.outpatient.deductible.maxShareOfAverageWage | 2% | 2022-01-01 | ASSUMPTION | t")))
                .hasMessageContaining("reference.averageWage");
    }

    @Test
    void an_unknown_kind_of_bound_fails_loudly() {
        assertThatThrownBy(() -> StandardBounds.of(table("bound.outpatient.ratio.atmost | 50% | 2022-01-01 | ASSUMPTION | t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a known kind of bound");
    }
}
