package org.gongji.province.henan.internal;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.gongji.testkit.RegionConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HenanConformanceTest {

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(StandardRegion.ofResource("rules/410000-henan.txt"));
    }

    @Test
    void every_bound_is_flagged_as_the_national_framework_until_henan_documents_its_own() {
        assertThat(StandardRegion.ofResource("rules/410000-henan.txt").bounds()).isNotEmpty().allSatisfy(b -> {
            assertThat(b.citation().assumption()).isTrue();
            assertThat(b.description()).contains("NATIONAL FRAMEWORK");
        });
    }
}
