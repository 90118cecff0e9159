package org.gongji.city.jiaozuo.internal;

import java.util.stream.Stream;
import org.gongji.testkit.Scenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The cases of 焦政办〔2022〕22号 as the bureau would state them, one row each. */
class JiaozuoScenariosTest {

    @TestFactory
    Stream<DynamicTest> settlements() {
        return Scenarios.tests("/scenarios/410800-jiaozuo.csv", new JiaozuoRegion());
    }

    @TestFactory
    Stream<DynamicTest> monthlyAccountCredits() {
        return Scenarios.creditTests("/scenarios/410800-jiaozuo-credits.csv", new JiaozuoRegion());
    }
}
