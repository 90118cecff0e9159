package org.gongji.city.jiaozuo.internal;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import org.gongji.testkit.SettlementProperties;
import org.junit.jupiter.api.Test;

class JiaozuoPropertiesTest {

    @Test
    void invariantsHoldOverTwentyThousandGeneratedVisits() {
        int settled = SettlementProperties.check(StandardRegion.ofResource("rules/410800-jiaozuo.txt"), 20221_0701L, 400, 50);
        assertThat(settled).isGreaterThan(15_000);
    }
}
