package org.gongji.province.zhejiang.internal;

import java.util.stream.Stream;
import org.gongji.rules.StandardRegion;
import org.gongji.testkit.RegionConformance;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Zhejiang's defaults and its critical-illness layer, one row a case. */
class ZhejiangScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/330000-zhejiang.csv", StandardRegion.ofResource("rules/330000-zhejiang.txt"));
    }

    @TestFactory
    Stream<DynamicTest> chronicDiseases() {
        return Scenarios.tests("/scenarios/330000-zhejiang-chronic.csv", StandardRegion.ofResource("rules/330000-zhejiang.txt"));
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/330000-zhejiang-credits.csv", StandardRegion.ofResource("rules/330000-zhejiang.txt"));
    }

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(StandardRegion.ofResource("rules/330000-zhejiang.txt"));
    }
}
