package org.gongji.province.gansu.internal;

import java.util.stream.Stream;
import org.gongji.rules.StandardRegion;
import org.gongji.testkit.RegionConformance;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Gansu's defaults as they serve cities without their own bundle, one row a case. */
class GansuScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/620000-gansu.csv", StandardRegion.ofResource("rules/620000-gansu.txt"));
    }

    @TestFactory
    Stream<DynamicTest> chronicDiseases() {
        return Scenarios.tests("/scenarios/620000-gansu-chronic.csv", StandardRegion.ofResource("rules/620000-gansu.txt"));
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/620000-gansu-credits.csv", StandardRegion.ofResource("rules/620000-gansu.txt"));
    }

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(StandardRegion.ofResource("rules/620000-gansu.txt"));
    }
}
