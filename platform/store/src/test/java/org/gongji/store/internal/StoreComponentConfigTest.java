package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.gongji.store.Settings;
import org.gongji.store.StoreConfig;
import org.gongji.store.StoreTuning;
import org.junit.jupiter.api.Test;

/** One precedence rule: GONGJI_* environment > Config Admin (org.gongji.store) > launcher gongji.* > default. */
class StoreComponentConfigTest {

    private static Settings settings(Map<String, ?> configured, Map<String, String> launcher, Map<String, String> env) {
        return new Settings(configured, launcher::get, env);
    }

    @Test
    void withNothingSetDerbyRunsUnderDataWithTheDefaultPool() {
        Settings s = settings(Map.of(), Map.of(), Map.of());

        assertThat(StoreComponent.configFrom(s).embedded()).isTrue();
        assertThat(StoreComponent.configFrom(s).dataFolder()).isEqualTo(Path.of("data"));
        assertThat(StoreComponent.tuningFrom(s)).isEqualTo(StoreTuning.defaults());
    }

    @Test
    void theEnvironmentWinsOverTheConfigurationWhichWinsOverTheLauncher() {
        Map<String, String> launcher = Map.of("gongji.data", "/launcher", "gongji.db.poolSize", "7");
        Map<String, Object> configured = Map.of("dataFolder", "/configured", "poolSize", 9);

        assertThat(StoreComponent.configFrom(settings(Map.of(), launcher, Map.of())).dataFolder()).isEqualTo(Path.of("/launcher"));
        assertThat(StoreComponent.tuningFrom(settings(Map.of(), launcher, Map.of())).poolSize()).isEqualTo(7);
        assertThat(StoreComponent.configFrom(settings(configured, launcher, Map.of())).dataFolder()).isEqualTo(Path.of("/configured"));
        assertThat(StoreComponent.tuningFrom(settings(configured, launcher, Map.of())).poolSize()).isEqualTo(9);
        Map<String, String> env = Map.of("GONGJI_DATA", "/env", "GONGJI_DB_POOL_SIZE", "11");
        assertThat(StoreComponent.configFrom(settings(configured, launcher, env)).dataFolder()).isEqualTo(Path.of("/env"));
        assertThat(StoreComponent.tuningFrom(settings(configured, launcher, env)).poolSize()).isEqualTo(11);
    }

    @Test
    void aConfiguredJdbcUrlSwitchesToPostgresql() {
        StoreConfig config = StoreComponent.configFrom(settings(
                Map.of("jdbcUrl", "jdbc:postgresql://db/gongji", "jdbcUser", "u", "jdbcPassword", "p"), Map.of(),
                Map.of("GONGJI_DATA", "/srv/gongji")));

        assertThat(config.embedded()).isFalse();
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/gongji");
        assertThat(config.user()).isEqualTo("u");
        assertThat(config.password()).isEqualTo("p");
    }

    @Test
    void aBlankValueCountsAsNotSet() {
        StoreConfig config = StoreComponent.configFrom(settings(Map.of("dataFolder", " "), Map.of("gongji.data", "/launcher"),
                Map.of("GONGJI_DATA", "")));

        assertThat(config.dataFolder()).isEqualTo(Path.of("/launcher"));
    }

    @Test
    void theCreditingChunkAndTheZoneFollowTheSameRule() {
        assertThat(StoreComponent.creditChunk(settings(Map.of("creditChunk", 500), Map.of(), Map.of()))).isEqualTo(500);
        assertThat(StoreComponent.creditChunk(settings(Map.of("creditChunk", 500), Map.of(),
                Map.of("GONGJI_CREDIT_CHUNK", "200")))).isEqualTo(200);
        assertThat(StoreComponent.clockFrom(settings(Map.of(), Map.of(), Map.of())).getZone())
                .isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(StoreComponent.clockFrom(settings(Map.of("zone", "Asia/Urumqi"), Map.of("gongji.zone", "UTC"), Map.of()))
                .getZone()).isEqualTo(java.time.ZoneId.of("Asia/Urumqi"));
        assertThat(StoreComponent.clockFrom(settings(Map.of("zone", "Asia/Urumqi"), Map.of(), Map.of("GONGJI_ZONE", "UTC")))
                .getZone()).isEqualTo(java.time.ZoneId.of("UTC"));
    }
}
