package org.gongji.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.rules.Parameter;
import org.junit.jupiter.api.Test;

class RegionOverridesTest {

    @Test
    void aConfigurationDatesAndCitesEveryKeyItChanges() {
        Hashtable<String, Object> c = new Hashtable<>();
        c.put("service.pid", "org.gongji.region.410800");
        c.put("felix.fileinstall.filename", "file:/x/deploy/org.gongji.region.410800.cfg");
        c.put("effectiveFrom", "2026-01-01");
        c.put("citation", "焦医保〔2025〕9号 二");
        c.put("note", "三级医院起付标准调整");
        c.put("outpatient.deductible.tertiary", "60.00");

        List<Parameter> ps = RegionOverrides.parametersOf(c, "org.gongji.region.410800.cfg");

        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("outpatient.deductible.tertiary");
            assertThat(p.value()).isEqualTo(Money.parse("60.00"));
            assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(p.citation().document()).isEqualTo("焦医保〔2025〕9号");
            assertThat(p.citation().clause()).isEqualTo("二");
            assertThat(p.note()).isEqualTo("三级医院起付标准调整");
        });
    }

    @Test
    void aValueMayCarryItsOwnDateAndSource() {
        Hashtable<String, Object> c = new Hashtable<>();
        c.put("outpatient.ratio.primary", "65% | 2027-01-01 | ASSUMPTION | pending the bureau's notice");

        Parameter p = RegionOverrides.parametersOf(c, "f").get(0);

        assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(p.assumption()).isTrue();
    }

    @Test
    void aConfigurationWithoutDateOrCitationIsRefused() {
        Hashtable<String, Object> noDate = new Hashtable<>();
        noDate.put("citation", "x");
        noDate.put("outpatient.deductible.tertiary", "60.00");
        assertThatThrownBy(() -> RegionOverrides.parametersOf(noDate, "f")).hasMessageContaining("no effectiveFrom");

        Hashtable<String, Object> noCitation = new Hashtable<>();
        noCitation.put("effectiveFrom", "2026-01-01");
        noCitation.put("outpatient.deductible.tertiary", "60.00");
        assertThatThrownBy(() -> RegionOverrides.parametersOf(noCitation, "f")).hasMessageContaining("no citation");
    }

    @Test
    void aConfigurationThatChangesNothingIsRefused() {
        Hashtable<String, Object> c = new Hashtable<>();
        c.put("effectiveFrom", "2026-01-01");
        c.put("citation", "x");
        assertThatThrownBy(() -> RegionOverrides.parametersOf(c, "f")).hasMessageContaining("changes no parameter");
    }

    @Test
    void onlyRegionPidsAreOverrides() {
        assertThat(RegionOverrides.regionOf("org.gongji.region.410800")).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("410800"));
        assertThat(RegionOverrides.regionOf("org.gongji.region.41080")).isEmpty();
        assertThat(RegionOverrides.regionOf("org.gongji.store")).isEmpty();
    }
}
