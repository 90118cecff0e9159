package org.gongji.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.gongji.rest.ServerOptions;
import org.junit.jupiter.api.Test;

class RestComponentPortTest {

    @Test
    void theEnvironmentOverridesConfigAdminWhichOverridesTheLauncher() {
        Map<String, String> launcher = Map.of("gongji.http.port", "9191", "gongji.http.host", "10.0.0.1");
        assertThat(new RestSettings(Map.of("GONGJI_HTTP_PORT", "9090"), Map.of("port", 9292), launcher::get).options().port())
                .isEqualTo(9090);
        assertThat(new RestSettings(Map.of(), Map.of("port", 9292), launcher::get).options().port()).isEqualTo(9292);
        assertThat(new RestSettings(Map.of(), Map.of(), launcher::get).options().port()).isEqualTo(9191);
        assertThat(new RestSettings(Map.of(), Map.of(), k -> null).options().port()).isEqualTo(8080);
        assertThat(new RestSettings(Map.of(), Map.of(), launcher::get).options().host()).isEqualTo("10.0.0.1");
    }

    @Test
    void theDefaultsServeLoopbackOverPlainHttpWithTheBodyLimitsAndNoRateLimit() {
        ServerOptions o = new RestSettings(Map.of(), Map.of(), k -> null).options();
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.tls()).isNull();
        assertThat(o.rateLimit()).isNull();
        assertThat(o.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(o.maxUploadBytes()).isGreaterThan(o.maxBodyBytes());
        assertThat(o.accessLog()).isTrue();
    }

    @Test
    void aKeystoreTurnsTlsOnAndItsPasswordIsNeverPrinted() {
        ServerOptions o = new RestSettings(Map.of("GONGJI_TLS_KEYSTORE_PASSWORD", "s3cret-pw"),
                Map.of("tlsKeystore", "/etc/gongji/api.p12", "tlsClientAuth", "want", "tlsTruststore", "/etc/gongji/ca.p12",
                        "tlsClientSubjects", "his-h1=CN=his.h1.example, O=H1;bureau=CN=bureau"),
                k -> null).options();
        assertThat(o.scheme()).isEqualTo("https");
        assertThat(o.tls().clientAuth()).isEqualTo(ServerOptions.ClientAuth.WANT);
        assertThat(o.tls().subjectClients()).containsEntry("CN=his.h1.example,O=H1", "his-h1").containsEntry("CN=bureau", "bureau");
        assertThat(o.toString()).doesNotContain("s3cret-pw");
        assertThatThrownBy(() -> new RestSettings(Map.of(), Map.of("tlsKeystore", "/x.p12"), k -> null).options())
                .hasMessageContaining("tlsKeystorePassword");
    }

    @Test
    void aRateLimitIsOffUntilConfigured() {
        ServerOptions o = new RestSettings(Map.of("GONGJI_RATE_LIMIT_PER_SECOND", "5"), Map.of(), k -> null).options();
        assertThat(o.rateLimit().perSecond()).isEqualTo(5.0);
        assertThat(o.rateLimit().burst()).isEqualTo(10);
    }
}
