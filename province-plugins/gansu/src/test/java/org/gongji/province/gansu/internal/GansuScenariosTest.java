package org.gongji.province.gansu.internal;

import java.util.stream.Stream;
import org.gongji.testkit.RegionConformance;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Gansu's defaults as they serve cities without their own bundle, one row a case. */
class GansuScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/620000-gansu.csv", new GansuRegion());
    }

    @TestFactory
    Stream<DynamicTest> chronicDiseases() {
        return Scenarios.tests("/scenarios/620000-gansu-chronic.csv", new GansuRegion());
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/620000-gansu-credits.csv", new GansuRegion());
    }

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(new GansuRegion());
    }
}
