package org.gongji.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.region.Citation;
import org.gongji.api.region.RegionCode;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.BoundViolation;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.TestRegions;
import org.gongji.engine.conformance.ConformanceStatus;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.junit.jupiter.api.Test;

class RegionCatalogTest {

    private static final RegionCode PROVINCE = RegionCode.of("990000");
    private static final LocalDate DAY = LocalDate.of(2023, 6, 1);

    /** The fictional province: the tertiary deductible of its cities is at most 300.00 (TESTP-1 六). */
    private static Region province() {
        Bound bound = new Bound() {
            @Override
            public String id() {
                return "deductible.max";
            }

            @Override
            public String description() {
                return "outpatient.deductible.tertiary ≤ 300.00";
            }

            @Override
            public Citation citation() {
                return Citation.of("TESTP-1", "六");
            }

            @Override
            public List<BoundViolation> check(ParameterTable city, LocalDate date) {
                return city.find("outpatient.deductible.tertiary", date)
                        .filter(p -> ((Money) p.value()).greaterThan(Money.ofYuan(300)))
                        .map(p -> List.of(new BoundViolation(id(), p.key(), p.text(), "≤ 300.00", citation(), date)))
                        .orElse(List.of());
            }
        };
        return new StandardRegion(StandardRegion.table(TestRegions.class, "/990000-test-province.txt")) {
            @Override
            public List<Bound> bounds() {
                return List.of(bound);
            }
        };
    }

    private static Region cityWithTertiaryDeductible(String amount, String from) {
        ParameterTable base = StandardRegion.table(TestRegions.class, "/990100-test-city.txt");
        return new StandardRegion(base.with("variant", List.of(ParameterTableReader.parse(
                "outpatient.deductible.tertiary | " + amount + " | " + from + " | TEST-9 一 |", "variant"))));
    }

    @Test
    void aConformingCityServesAndShowsItsConformance() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", province(), "1.0.0");
        catalog.deploy("c", TestRegions.city(), "1.0.0");
        assertThat(catalog.rulesFor(TestRegions.CITY, DAY).metadata().name()).isEqualTo("Test City");
        assertThat(catalog.deployment(TestRegions.CITY).orElseThrow().conformance().status()).isEqualTo(ConformanceStatus.CONFORMS);
        assertThat(catalog.deployment(PROVINCE).orElseThrow().conformance().status()).isEqualTo(ConformanceStatus.NOT_CHECKED);
    }

    @Test
    void aViolatingVersionIsRefusedAndThePreviousOneKeepsServing() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", province(), "1.0.0");
        Region good = TestRegions.city();
        catalog.deploy("c1", good, "1.0.0");
        catalog.deploy("c2", cityWithTertiaryDeductible("400.00", "2023-01-01"), "1.1.0");

        assertThat(catalog.find(TestRegions.CITY)).containsSame(good);
        RegionDeployment refused = catalog.deployments().stream()
                .filter(d -> d.status() == DeploymentStatus.REFUSED).findFirst().orElseThrow();
        assertThat(refused.bundleVersion()).isEqualTo("1.1.0");
        assertThat(refused.conformance().violations()).singleElement().satisfies(v -> {
            assertThat(v.parameter()).isEqualTo("outpatient.deductible.tertiary");
            assertThat(v.actual()).isEqualTo("400.00");
            assertThat(v.citation().toString()).isEqualTo("TESTP-1 六");
        });
    }

    @Test
    void aViolationInALaterPeriodIsFoundToo() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", province(), "1.0.0");
        catalog.deploy("c", cityWithTertiaryDeductible("350.00", "2025-01-01"), "1.0.0");
        assertThat(catalog.find(TestRegions.CITY)).isEmpty();
        assertThat(catalog.deployments()).anySatisfy(d -> assertThat(d.conformance().violations())
                .extracting(BoundViolation::from).containsExactly(LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aCityWithoutItsOwnBundleFallsBackToItsProvince() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", province(), "1.0.0");
        assertThat(catalog.rulesFor(RegionCode.of("990200"), DAY).metadata().code()).isEqualTo(PROVINCE);
    }

    @Test
    void aWithdrawnRegionIsNotDeployed() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("c", TestRegions.city(), "1.0.0");
        catalog.withdraw("c");
        assertThatThrownBy(() -> catalog.rulesFor(TestRegions.CITY, DAY))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGION_NOT_DEPLOYED));
    }

    @Test
    void aFailedBundleIsListedAndNeverServes() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", province(), "1.0.0");
        Region good = TestRegions.city();
        catalog.deploy("c1", good, "1.0.0");
        catalog.fail("c2", TestRegions.CITY, "1.1.0", "activation threw IllegalStateException");
        assertThat(catalog.find(TestRegions.CITY)).containsSame(good);
        assertThat(catalog.deployments()).filteredOn(d -> d.code().equals(TestRegions.CITY)).extracting(RegionDeployment::status)
                .containsExactly(DeploymentStatus.SERVING, DeploymentStatus.FAILED);
    }

    @Test
    void aCityWhoseProvinceIsNotDeployedDoesNotServeAndSaysWhy() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("c", TestRegions.city(), "1.0.0");
        assertThat(catalog.find(TestRegions.CITY)).isEmpty();
        RegionDeployment waiting = catalog.deployment(TestRegions.CITY).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DeploymentStatus.WAITING);
        assertThat(waiting.conformance().status()).isEqualTo(ConformanceStatus.NOT_CHECKED);
        assertThat(waiting.problem()).contains("province 990000 is not deployed");
        assertThatThrownBy(() -> catalog.rulesFor(TestRegions.CITY, DAY))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGION_UNAVAILABLE));

        catalog.deploy("p", province(), "1.0.0");
        assertThat(catalog.find(TestRegions.CITY)).isPresent();
        catalog.withdraw("p");
        assertThat(catalog.find(TestRegions.CITY)).isEmpty();
        assertThat(catalog.deployment(TestRegions.CITY).orElseThrow().problem()).contains("last checked: CONFORMS");
    }

    @Test
    void aVersionBeingReplacedServesUntilItsSuccessorServes() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", province(), "1.0.0");
        Region old = TestRegions.city();
        catalog.deploy("old", old, "0.9.0");
        catalog.retire("old");
        assertThat(catalog.find(TestRegions.CITY)).containsSame(old);
        assertThat(catalog.servesCurrent(TestRegions.CITY)).isFalse();
        // a successor that violates the bounds does not take over: the old one keeps serving
        catalog.deploy("bad", cityWithTertiaryDeductible("400.00", "2023-01-01"), "1.1.0");
        assertThat(catalog.find(TestRegions.CITY)).containsSame(old);
        Region next = TestRegions.city();
        catalog.deploy("next", next, "1.2.0");
        assertThat(catalog.find(TestRegions.CITY)).containsSame(next);
        assertThat(catalog.servesCurrent(TestRegions.CITY)).isTrue();
        assertThat(catalog.deployments()).extracting(RegionDeployment::bundleVersion).doesNotContain("0.9.0");
    }

    @Test
    void aProvinceThatOnlySetsBoundsDoesNotServeItsCities() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", new StandardRegion(ParameterTable.of("bounds only", List.of(
                ParameterTableReader.parse("region.code | 990000 | 2023-01-01 | TESTP-1 |", "t"),
                ParameterTableReader.parse("region.name | Bounds Province | 2023-01-01 | TESTP-1 |", "t"),
                ParameterTableReader.parse("region.effectiveFrom | 2023-01-01 | 2023-01-01 | TESTP-1 |", "t")))), "1.0.0");
        assertThatThrownBy(() -> catalog.rulesFor(RegionCode.of("990200"), DAY))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGION_NOT_DEPLOYED));
        assertThat(catalog.rulesFor(PROVINCE, DAY).metadata().name()).isEqualTo("Bounds Province");
    }

    @Test
    void aRefusedCityStaysRefusedWhenItsProvinceGoesAway() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.deploy("p", province(), "1.0.0");
        catalog.deploy("c", cityWithTertiaryDeductible("400.00", "2023-01-01"), "1.0.0");
        catalog.withdraw("p");
        assertThat(catalog.find(TestRegions.CITY)).isEmpty();
        assertThat(catalog.deployment(TestRegions.CITY).orElseThrow().problem()).contains("as last checked");
        catalog.deploy("p2", province(), "1.0.1");
        assertThat(catalog.deployment(TestRegions.CITY).orElseThrow().status()).isEqualTo(DeploymentStatus.REFUSED);
    }
}
