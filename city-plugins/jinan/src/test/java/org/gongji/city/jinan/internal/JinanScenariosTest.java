package org.gongji.city.jinan.internal;

import java.util.stream.Stream;
import org.gongji.rules.StandardRegion;
import org.gongji.testkit.RegionConformance;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jinan's cases, one row each, with Shandong deployed beside it as in production. */
class JinanScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/370100-jinan.csv", StandardRegion.ofResource("rules/370100-jinan.txt"), StandardRegion.ofResource("rules/370000-shandong.txt"));
    }

    @TestFactory
    Stream<DynamicTest> inpatientChronicDaySurgeryAndSeparatelyPaidDrugs() {
        return Scenarios.tests("/scenarios/370100-jinan-benefits.csv", StandardRegion.ofResource("rules/370100-jinan.txt"), StandardRegion.ofResource("rules/370000-shandong.txt"));
    }

    @TestFactory
    Stream<DynamicTest> careInAnotherRegion() {
        return Scenarios.tests("/scenarios/370100-jinan-cross-region.csv", StandardRegion.ofResource("rules/370100-jinan.txt"), StandardRegion.ofResource("rules/370000-shandong.txt"));
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/370100-jinan-credits.csv", StandardRegion.ofResource("rules/370100-jinan.txt"));
    }

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(StandardRegion.ofResource("rules/370100-jinan.txt"), StandardRegion.ofResource("rules/370000-shandong.txt"));
    }
}
