package org.gongji.province.gansu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongji.api.region.RegionCode;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.conformance.ConformanceStatus;
import org.gongji.engine.registry.DeploymentStatus;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.junit.jupiter.api.Test;

class GansuBoundsTest {

    private final StandardRegion gansu = StandardRegion.ofResource("rules/620000-gansu.txt");

    /** A Gansu city (兰州市 620100) filing the province defaults with some numbers of its own. */
    private Region city(String... rows) {
        List<String> own = new java.util.ArrayList<>(List.of(
                "region.code | 620100 | 2023-01-01 | ASSUMPTION | test city",
                "region.name | 兰州市 | 2023-01-01 | ASSUMPTION | test city",
                "region.parent | 620000 | 2023-01-01 | ASSUMPTION | test city"));
        own.addAll(List.of(rows));
        ParameterTable defaults = ParameterTable.of("defaults", gansu.parameters().entries().stream()
                .filter(p -> !p.key().startsWith("bound.")).toList());
        return new StandardRegion(defaults.with("620100-test", own.stream().map(r -> ParameterTableReader.parse(r, "test")).toList()));
    }

    @Test
    void the_province_defaults_sit_inside_its_own_bounds() {
        assertThat(ConformanceCheck.check(gansu, gansu).violations()).isEmpty();
        assertThat(gansu.bounds()).hasSize(9);
    }

    @Test
    void a_city_that_takes_a_disease_of_the_province_out_of_its_catalogue_is_reported_under_article_8() {
        ConformanceReport report = ConformanceCheck.check(
                city("chronic.disease.M07800 | none | 2023-06-01 | ASSUMPTION | bad on purpose"), gansu);
        assertThat(report.status()).isEqualTo(ConformanceStatus.VIOLATES);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.parameter()).isEqualTo("chronic.disease.M07800");
            assertThat(v.citation().toString()).contains("第八条");
        });
    }

    @Test
    void a_city_may_add_a_disease_to_the_province_catalogue() {
        ConformanceReport report = ConformanceCheck.check(
                city("chronic.disease.M04900 | 冠心病 | 2023-01-01 | ASSUMPTION | a city adds a disease"), gansu);
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void a_city_with_a_400_yuan_deductible_is_reported_under_article_7() {
        ConformanceReport report = ConformanceCheck.check(
                city("outpatient.deductible.primary | 400.00 | 2023-01-01 | ASSUMPTION | bad on purpose"), gansu);
        assertThat(report.status()).isEqualTo(ConformanceStatus.VIOLATES);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.boundId()).isEqualTo("bound.outpatient.deductible.max");
            assertThat(v.parameter()).isEqualTo("outpatient.deductible.primary");
            assertThat(v.actual()).isEqualTo("400.00");
            assertThat(v.bound()).isEqualTo("≤ 300.00");
            assertThat(v.citation().toString()).isEqualTo("甘政办发〔2021〕111号 第七条");
        });
    }

    @Test
    void a_city_that_raises_its_cap_above_2500_in_a_later_year_is_reported_from_that_year() {
        ConformanceReport report = ConformanceCheck.check(
                city("outpatient.cap.retired | 3000.00 | 2024-01-01 | ASSUMPTION | bad on purpose"), gansu);
        assertThat(report.violations()).extracting(BoundViolation::boundId, v -> v.from().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bound.outpatient.cap.max", "2024-01-01"));
    }

    @Test
    void a_city_whose_ratios_are_far_from_60_percent_is_reported() {
        ConformanceReport report = ConformanceCheck.check(city(
                "outpatient.ratio.tertiary | 70% | 2023-01-01 | ASSUMPTION | bad", 
                "outpatient.ratio.secondary | 75% | 2023-01-01 | ASSUMPTION | bad",
                "outpatient.ratio.primary | 80% | 2023-01-01 | ASSUMPTION | bad"), gansu);
        assertThat(report.violations()).extracting(BoundViolation::boundId)
                .containsExactlyInAnyOrder("bound.outpatient.ratio.about", "bound.outpatient.ratio.retired.about");
    }

    @Test
    void a_violating_city_does_not_serve_and_its_cities_fall_back_to_the_province() {
        MapRegionRegistry registry = new MapRegionRegistry(gansu,
                city("outpatient.deductible.tertiary | 400.00 | 2023-01-01 | ASSUMPTION | bad on purpose"));
        assertThat(registry.find(RegionCode.of("620100"))).isEmpty();
        assertThat(registry.deployments()).filteredOn(d -> d.code().value().equals("620100")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeploymentStatus.REFUSED));
        assertThat(registry.rulesFor(RegionCode.of("620100"), java.time.LocalDate.of(2023, 5, 1))).isSameAs(gansu);
    }
}
