package org.gongji.city.jiaozuo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongji.testkit.SettlementProperties;
import org.junit.jupiter.api.Test;

class JiaozuoPropertiesTest {

    @Test
    void invariantsHoldOverTwentyThousandGeneratedVisits() {
        int settled = SettlementProperties.check(new JiaozuoRegion(), 20221_0701L, 400, 50);
        assertThat(settled).isGreaterThan(15_000);
    }
}
