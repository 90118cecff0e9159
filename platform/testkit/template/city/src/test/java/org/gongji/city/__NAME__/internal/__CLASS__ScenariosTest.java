package org.gongji.city.__NAME__.internal;

import java.util.stream.Stream;
import org.gongji.api.spi.region.Region;
import org.gongji.rules.StandardRegion;
import org.gongji.testkit.RegionConformance;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** __TITLE__'s cases, one row each, with its province deployed beside it; and the standard checks. */
class __CLASS__ScenariosTest {

    static final Region CITY = StandardRegion.ofResource("rules/__CODE__-__NAME__.txt");
    static final Region PROVINCE = StandardRegion.ofResource("rules/__PROVINCE_TABLE__");

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/__CODE__-__NAME__.csv", CITY, PROVINCE);
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/__CODE__-__NAME__-credits.csv", CITY);
    }

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(CITY, PROVINCE);
    }
}
