package org.gongji.city.jiaozuo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.conformance.ConformanceStatus;
import org.gongji.province.henan.internal.HenanRegion;
import org.junit.jupiter.api.Test;

class JiaozuoConformanceTest {

    @Test
    void jiaozuo_conforms_to_the_national_framework_bounds_henan_carries() {
        HenanRegion henan = new HenanRegion();
        ConformanceReport report = ConformanceCheck.check(new JiaozuoRegion(), henan);
        assertThat(henan.bounds()).isNotEmpty();
        assertThat(report.status()).as(report.violations().toString()).isEqualTo(ConformanceStatus.CONFORMS);
    }
}
