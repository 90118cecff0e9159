package org.gongji.city.jinan.internal;

import java.util.stream.Stream;
import org.gongji.province.shandong.internal.ShandongRegion;
import org.gongji.testkit.RegionConformance;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jinan's cases, one row each, with Shandong deployed beside it as in production. */
class JinanScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/370100-jinan.csv", new JinanRegion(), new ShandongRegion());
    }

    @TestFactory
    Stream<DynamicTest> inpatientChronicDaySurgeryAndSeparatelyPaidDrugs() {
        return Scenarios.tests("/scenarios/370100-jinan-benefits.csv", new JinanRegion(), new ShandongRegion());
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/370100-jinan-credits.csv", new JinanRegion());
    }

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(new JinanRegion(), new ShandongRegion());
    }
}
