package org.gongji.city.jiaozuo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.gongji.testkit.RegionConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Jiaozuo's filing against Henan, whose bundle carries the national framework's bounds until Henan's own are available. */
class JiaozuoConformanceTest {

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(StandardRegion.ofResource("rules/410800-jiaozuo.txt"), StandardRegion.ofResource("rules/410000-henan.txt"));
    }

    @Test
    void a_jiaozuo_tertiary_ratio_below_the_national_50_percent_start_would_be_reported() {
        StandardRegion variant = new StandardRegion(StandardRegion.ofResource("rules/410800-jiaozuo.txt").parameters().with("variant", List.of(
                ParameterTableReader.parse("outpatient.ratio.tertiary | 45% | 2022-07-01 | ASSUMPTION | bad on purpose", "t"))));
        ConformanceReport report = ConformanceCheck.check(variant, StandardRegion.ofResource("rules/410000-henan.txt"));
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.parameter()).isEqualTo("outpatient.ratio.tertiary");
            assertThat(v.citation().assumption()).isTrue();
            assertThat(v.citation().clause()).contains("国办发〔2021〕14号");
        });
    }
}
