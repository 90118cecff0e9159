package org.gongji.province.shandong.internal;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.gongji.api.spi.region.Bound;
import org.gongji.testkit.RegionConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ShandongConformanceTest {

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(StandardRegion.ofResource("rules/370000-shandong.txt"));
    }

    @Test
    void shandong_serves_no_benefit_of_its_own_and_bounds_every_city_number_the_plan_names() {
        StandardRegion shandong = StandardRegion.ofResource("rules/370000-shandong.txt");
        assertThat(shandong.outpatientPooling()).isEmpty();
        assertThat(shandong.bounds()).extracting(Bound::id).contains(
                "bound.outpatient.deductible.maxShareOfAverageWage", "bound.outpatient.ratio.min",
                "bound.outpatient.ratio.retiredBonus.min", "bound.outpatient.ratio.levelSpread.min",
                "bound.outpatient.cap.aboutShareOfAverageWage", "bound.resident.outpatient.cap.min",
                "bound.account.employed.employerShareRate.max");
        assertThat(shandong.bounds()).allSatisfy(b -> assertThat(b.citation().toString()).startsWith("鲁政办发〔2021〕22号"));
    }
}
