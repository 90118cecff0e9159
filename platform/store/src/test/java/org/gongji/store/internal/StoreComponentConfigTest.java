package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;
import org.gongji.store.StoreConfig;
import org.junit.jupiter.api.Test;

class StoreComponentConfigTest {

    record Cfg(String dataFolder, String jdbcUrl, String jdbcUser, String jdbcPassword, int writeBatch, int creditChunk,
            String zone)
            implements StoreComponent.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return StoreComponent.Config.class;
        }
    }

    @Test
    void withoutConfigurationTheEnvironmentNamesTheDataFolder() {
        StoreConfig config = StoreComponent.configFrom(new Cfg("", "", "", "", 64, 1000, ""), Map.of("GONGJI_DATA", "/srv/gongji"));

        assertThat(config.embedded()).isTrue();
        assertThat(config.dataFolder()).isEqualTo(Path.of("/srv/gongji"));
    }

    @Test
    void aConfiguredJdbcUrlSwitchesToPostgresql() {
        StoreConfig config = StoreComponent.configFrom(new Cfg("", "jdbc:postgresql://db/gongji", "u", "p", 64, 1000, ""),
                Map.of("GONGJI_DATA", "/srv/gongji"));

        assertThat(config.embedded()).isFalse();
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/gongji");
        assertThat(config.user()).isEqualTo("u");
        assertThat(config.password()).isEqualTo("p");
    }

    @Test
    void theConfiguredDataFolderWinsOverTheEnvironment() {
        StoreConfig config = StoreComponent.configFrom(new Cfg("/var/lib/gongji", "", "", "", 64, 1000, ""),
                Map.of("GONGJI_DATA", "/srv/gongji"));

        assertThat(config.dataFolder()).isEqualTo(Path.of("/var/lib/gongji"));
    }

    @Test
    void theEnvironmentSetsTheCreditingChunkOverTheConfiguration() {
        assertThat(StoreComponent.creditChunk(new Cfg("", "", "", "", 64, 500, ""), Map.of())).isEqualTo(500);
        assertThat(StoreComponent.creditChunk(new Cfg("", "", "", "", 64, 500, ""), Map.of("GONGJI_CREDIT_CHUNK", "200")))
                .isEqualTo(200);
    }
}
