package org.gongji.city.__NAME__.internal;

import java.util.stream.Stream;
import __PROVINCE_CLASS__;
import org.gongji.testkit.RegionConformance;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** __TITLE__'s cases, one row each, with its province deployed beside it; and the standard checks. */
class __CLASS__ScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/__CODE__-__NAME__.csv", new __CLASS__Region(), new __PROVINCE_SIMPLE__());
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/__CODE__-__NAME__-credits.csv", new __CLASS__Region());
    }

    @TestFactory
    Stream<DynamicTest> standardConformance() {
        return RegionConformance.tests(new __CLASS__Region(), new __PROVINCE_SIMPLE__());
    }
}
