package org.gongji.city.jiaozuo.internal;

import java.util.List;
import java.util.stream.Stream;
import org.gongji.api.spi.region.Region;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The cases of 焦政办〔2022〕22号 as the bureau would state them, one row each. */
class JiaozuoScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/410800-jiaozuo.csv", StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
    }

    @TestFactory
    Stream<DynamicTest> chronicDiseasesAndDaySurgery() {
        return Scenarios.tests("/scenarios/410800-jiaozuo-chronic.csv", StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
    }

    /** 病种保障向费用保障过渡 as one dated row on top of the table (an example date: the document sets none). */
    @TestFactory
    Stream<DynamicTest> diseaseMovedToCostBasedCover() {
        Region moved = StandardRegion.ofResource("rules/410800-jiaozuo.txt").withOverrides("transition example", List.of(ParameterTableReader.parse(
                "chronic.disease.M03900.cover | COST | 2024-01-01 | 焦政办〔2022〕22号 二(一) | 逐步由病种保障向费用保障过渡 (示例日期)",
                "example")));
        return Scenarios.tests("/scenarios/410800-jiaozuo-transition.csv", moved);
    }

    @TestFactory
    Stream<DynamicTest> careInAnotherRegion() {
        return Scenarios.tests("/scenarios/410800-jiaozuo-cross-region.csv", StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/410800-jiaozuo-credits.csv", StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
    }
}
