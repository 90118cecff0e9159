package org.gongji.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestComponentPortTest {

    record Cfg(int port, String host, int threads) implements RestComponent.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return RestComponent.Config.class;
        }
    }

    static final Cfg DEFAULTS = new Cfg(8080, "0.0.0.0", 32);

    @Test
    void theEnvironmentOverridesTheLauncherAndTheConfiguration() {
        assertThat(RestComponent.port(DEFAULTS, Map.of("GONGJI_HTTP_PORT", "9090"), "9191")).isEqualTo(9090);
        assertThat(RestComponent.port(DEFAULTS, Map.of(), "9191")).isEqualTo(9191);
        assertThat(RestComponent.port(DEFAULTS, Map.of(), null)).isEqualTo(8080);
    }
}
