package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.region.RegionCode;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.AuditEntry;
import org.gongji.store.AuditPage;
import org.gongji.store.AuditQuery;
import org.gongji.store.RegionScope;
import org.gongji.store.StoreConfig;
import org.gongji.store.WriteContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path tmp;

    @Test
    void theLogIsReadByTimeClientAndRegionAPageAtATime() {
        Clock clock = Clock.fixed(Instant.parse("2024-06-15T02:00:00Z"), ZoneOffset.UTC);
        try (JpaStore store = JpaStore.open(StoreConfig.derby(tmp.resolve("data")),
                new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt")), clock)) {
            WriteContext bureau = WriteContext.by("窗口3").byClient("c-bureau");
            for (int i = 1; i <= 3; i++) {
                store.persons().putInstitution(new Institution("H" + i, "医院", RegionCode.of("410800"),
                        InstitutionLevel.TERTIARY, false), bureau);
            }
            store.persons().putInstitution(new Institution("H9", "医院", RegionCode.of("410800"), InstitutionLevel.TERTIARY,
                    false), WriteContext.by("admin").byClient("c-admin"));

            AuditPage all = store.audit().entries(new AuditQuery(null, null, null, null, 0, 100));
            AuditPage byBureau = store.audit().entries(new AuditQuery(null, null, "c-bureau", null, 1, 1));
            AuditPage henan = store.audit().entries(new AuditQuery(null, null, null, "410000", 0, 100));
            AuditPage shandong = store.audit().entries(new AuditQuery(null, null, null, "370000", 0, 100));
            AuditPage later = store.audit().entries(new AuditQuery(clock.instant().plusSeconds(1), null, null, null, 0, 100));

            // the first start's administrator is audited too, without a region
            assertThat(all.total()).isEqualTo(5);
            assertThat(byBureau.total()).isEqualTo(3);
            assertThat(byBureau.entries()).singleElement().satisfies(e -> {
                assertThat(e.clientId()).isEqualTo("c-bureau");
                assertThat(e.actor()).isEqualTo("窗口3");
                assertThat(e.region()).isEqualTo("410800");
                assertThat(e.action()).isEqualTo("CREATE_INSTITUTION");
            });
            // one clock instant here: within a millisecond the order is not defined
            assertThat(henan.entries()).extracting(AuditEntry::target)
                    .containsExactlyInAnyOrder("institution/H1", "institution/H2", "institution/H3", "institution/H9");
            assertThat(shandong.total()).isZero();
            assertThat(later.total()).isZero();
        }
    }

    @Test
    void aRegionCoversItselfAndTheCitiesUnderIt() {
        assertThat(RegionScope.covers("410000", "410800")).isTrue();
        assertThat(RegionScope.covers("410800", "410800")).isTrue();
        assertThat(RegionScope.covers("410800", "410821")).isTrue();
        assertThat(RegionScope.covers("410800", "410000")).isFalse();
        assertThat(RegionScope.covers("410800", "411000")).isFalse();
        assertThat(RegionScope.covers("370000", "410800")).isFalse();
        assertThat(RegionScope.covers(null, "410800")).isFalse();
        assertThat(RegionScope.covers("410800", null)).isFalse();
    }
}
