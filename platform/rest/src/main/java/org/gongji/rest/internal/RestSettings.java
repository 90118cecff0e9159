package org.gongji.rest.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gongji.rest.ServerOptions;
import org.gongji.rest.ServerOptions.ClientAuth;

/**
 * The REST API's settings with the one precedence rule of the platform: environment variable
 * {@code GONGJI_*} &gt; Config Admin (PID {@code org.gongji.rest}) &gt; launcher property
 * ({@code conf/config.properties} or {@code -D}) &gt; default. {@link #KEYS} is the reference
 * README lists.
 */
public final class RestSettings {

    /** One setting: its Config Admin key, environment variable, launcher property and default ({@code null}: none). */
    public record Key(String key, String env, String launcher, String defaultValue, String meaning) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("port", "GONGJI_HTTP_PORT", "gongji.http.port", "8080", "port of the API"),
            new Key("host", "GONGJI_HTTP_HOST", "gongji.http.host", ServerOptions.DEFAULT_HOST,
                    "address to bind (0.0.0.0 for every interface)"),
            new Key("threads", "GONGJI_HTTP_THREADS", "gongji.http.threads", "32", "requests handled at once"),
            new Key("publicUrl", "GONGJI_PUBLIC_URL", "gongji.http.publicUrl", null,
                    "address integrators reach the API at; Location headers are built from it"),
            new Key("maxBodyBytes", "GONGJI_HTTP_MAX_BODY_BYTES", "gongji.http.maxBodyBytes",
                    String.valueOf(ServerOptions.DEFAULT_MAX_BODY_BYTES), "largest JSON request body (413 above)"),
            new Key("maxUploadBytes", "GONGJI_HTTP_MAX_UPLOAD_BYTES", "gongji.http.maxUploadBytes",
                    String.valueOf(ServerOptions.DEFAULT_MAX_UPLOAD_BYTES),
                    "largest body of the uploads: provider payments (CSV case lists), imports, simulations (claim files)"),
            new Key("idleTimeoutSeconds", "GONGJI_HTTP_IDLE_TIMEOUT_SECONDS", "gongji.http.idleTimeoutSeconds",
                    String.valueOf(ServerOptions.DEFAULT_IDLE_TIMEOUT.toSeconds()),
                    "a connection silent this long is closed (slow headers, stalled bodies, idle keep-alive)"),
            new Key("bodyTimeoutSeconds", "GONGJI_HTTP_BODY_TIMEOUT_SECONDS", "gongji.http.bodyTimeoutSeconds",
                    String.valueOf(ServerOptions.DEFAULT_BODY_TIMEOUT.toSeconds()),
                    "a request body not whole after this long is refused (408)"),
            new Key("maxConnections", "GONGJI_HTTP_MAX_CONNECTIONS", "gongji.http.maxConnections",
                    String.valueOf(ServerOptions.DEFAULT_MAX_CONNECTIONS), "connections open at once"),
            new Key("accessLog", "GONGJI_HTTP_ACCESS_LOG", "gongji.http.accessLog", "true",
                    "one line per request (logger org.gongji.rest.access)"),
            new Key("tlsKeystore", "GONGJI_TLS_KEYSTORE", "gongji.tls.keystore", null,
                    "PKCS12 key store: HTTPS instead of HTTP when set"),
            new Key("tlsKeystorePassword", "GONGJI_TLS_KEYSTORE_PASSWORD", "gongji.tls.keystorePassword", null,
                    "its password (never logged)"),
            new Key("tlsClientAuth", "GONGJI_TLS_CLIENT_AUTH", "gongji.tls.clientAuth", "none",
                    "client certificates: none, want or need (mutual TLS)"),
            new Key("tlsTruststore", "GONGJI_TLS_TRUSTSTORE", "gongji.tls.truststore", null,
                    "PKCS12 trust store the client certificates must verify against"),
            new Key("tlsTruststorePassword", "GONGJI_TLS_TRUSTSTORE_PASSWORD", "gongji.tls.truststorePassword", null,
                    "its password (never logged)"),
            new Key("tlsClientSubjects", "GONGJI_TLS_CLIENT_SUBJECTS", "gongji.tls.clientSubjects", null,
                    "clientId=certificate subject pairs separated by ';' (subject as RFC 2253, e.g. CN=his,O=H1)"),
            new Key("rateLimitPerSecond", "GONGJI_RATE_LIMIT_PER_SECOND", "gongji.http.rateLimitPerSecond", "0",
                    "requests per second per client (0: no limit); above it 429 with Retry-After"),
            new Key("rateLimitBurst", "GONGJI_RATE_LIMIT_BURST", "gongji.http.rateLimitBurst", null,
                    "requests a client may send at once before the rate applies (default: twice the rate, at least 1)"));

    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * @param env the environment
     * @param config Config Admin's properties of PID {@code org.gongji.rest} (may be empty)
     * @param launcher the launcher's properties (e.g. {@code BundleContext::getProperty})
     */
    public RestSettings(Map<String, String> env, Map<String, ?> config, Function<String, String> launcher) {
        for (Key k : KEYS) {
            String value = blankToNull(env.get(k.env()));
            if (value == null && config.get(k.key()) != null) {
                value = blankToNull(String.valueOf(config.get(k.key())));
            }
            if (value == null) {
                value = blankToNull(launcher.apply(k.launcher()));
            }
            if (value == null) {
                value = k.defaultValue();
            }
            if (value != null) {
                values.put(k.key(), value.trim());
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String get(String key) {
        return values.get(key);
    }

    private int integer(String key) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is not a whole number: " + values.get(key));
        }
    }

    private long whole(String key) {
        try {
            return Long.parseLong(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is not a whole number: " + values.get(key));
        }
    }

    public ServerOptions options() {
        ServerOptions.Tls tls = null;
        if (get("tlsKeystore") != null) {
            if (get("tlsKeystorePassword") == null) {
                throw new IllegalArgumentException("tlsKeystore is set without tlsKeystorePassword");
            }
            ClientAuth auth = ClientAuth.valueOf(get("tlsClientAuth").toUpperCase(Locale.ROOT));
            tls = new ServerOptions.Tls(Path.of(get("tlsKeystore")), get("tlsKeystorePassword"), auth,
                    get("tlsTruststore") == null ? null : Path.of(get("tlsTruststore")), get("tlsTruststorePassword"),
                    subjects(get("tlsClientSubjects")));
        }
        ServerOptions.RateLimit rate = null;
        double perSecond = Double.parseDouble(get("rateLimitPerSecond"));
        if (perSecond > 0) {
            int burst = get("rateLimitBurst") == null ? (int) Math.max(1, Math.ceil(2 * perSecond)) : integer("rateLimitBurst");
            rate = new ServerOptions.RateLimit(perSecond, burst);
        }
        return new ServerOptions(get("host"), integer("port"), integer("threads"),
                get("publicUrl") == null ? null : URI.create(get("publicUrl")), whole("maxBodyBytes"), whole("maxUploadBytes"),
                Duration.ofSeconds(whole("idleTimeoutSeconds")), Duration.ofSeconds(whole("bodyTimeoutSeconds")),
                integer("maxConnections"), tls, rate, Boolean.parseBoolean(get("accessLog")));
    }

    /** {@code clientId=subject;clientId=subject} to subject → clientId. */
    static Map<String, String> subjects(String pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        if (pairs == null) {
            return map;
        }
        for (String pair : pairs.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("tlsClientSubjects: '" + pair + "' is not clientId=subject");
            }
            String subject = new javax.security.auth.x500.X500Principal(pair.substring(eq + 1).trim()).getName();
            map.put(subject, pair.substring(0, eq).trim());
        }
        return map;
    }
}
