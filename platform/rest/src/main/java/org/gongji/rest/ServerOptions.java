package org.gongji.rest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the API serves: where it listens, the limits it puts on requests and connections, TLS and
 * the rate limit. {@link #loopback(int)} is what a test or a developer wants; the OSGi component
 * reads every field from configuration (see README, configuration reference, PID
 * {@code org.gongji.rest}).
 *
 * @param host address to bind; loopback unless configured
 * @param port 0 for any free port
 * @param threads requests handled at once (threads that run Jersey); connections waiting for their
 *     headers or body hold none
 * @param publicUrl the address integrators reach the API at (e.g. {@code https://yb.example.cn/}),
 *     used for {@code Location}; {@code null}: the bound address
 * @param maxBodyBytes largest request body of a JSON call
 * @param maxUploadBytes largest request body of {@code POST /api/v1/provider-payments} (CSV case lists)
 * @param idleTimeout a connection that sends or accepts nothing for this long is closed (slow
 *     headers, stalled bodies, idle keep-alive connections)
 * @param bodyTimeout a request body not received whole after this long is refused (408)
 * @param maxConnections connections open at once; more wait in the accept queue
 * @param tls {@code null} for plain HTTP
 * @param rateLimit {@code null} for no rate limit
 * @param accessLog one log line per request (logger {@code org.gongji.rest.access})
 */
public record ServerOptions(String host, int port, int threads, URI publicUrl, long maxBodyBytes, long maxUploadBytes,
        Duration idleTimeout, Duration bodyTimeout, int maxConnections, Tls tls, RateLimit rateLimit, boolean accessLog) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_THREADS = 32;
    /** 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    /** 256 MiB: a year's DIP case list of a province is tens of megabytes. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L << 20;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONNECTIONS = 2000;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (maxBodyBytes < 1 || maxUploadBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive");
        }
        if (maxBodyBytes > Integer.MAX_VALUE - 16 || maxUploadBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("body limits must be below 2 GiB");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException("publicUrl must be absolute (https://host[:port]/), not " + publicUrl);
        }
    }

    /** Plain HTTP on 127.0.0.1 with every default. */
    public static ServerOptions loopback(int port) {
        return new ServerOptions(DEFAULT_HOST, port, DEFAULT_THREADS, null, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_IDLE_TIMEOUT, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_CONNECTIONS, null, null,
                true);
    }

    public ServerOptions withHost(String host) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withThreads(int threads) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withPublicUrl(URI publicUrl) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withBodyLimits(long maxBodyBytes, long maxUploadBytes) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withTimeouts(Duration idleTimeout, Duration bodyTimeout) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withMaxConnections(int maxConnections) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withTls(Tls tls) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withRateLimit(RateLimit rateLimit) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public ServerOptions withAccessLog(boolean accessLog) {
        return new ServerOptions(host, port, threads, publicUrl, maxBodyBytes, maxUploadBytes, idleTimeout, bodyTimeout,
                maxConnections, tls, rateLimit, accessLog);
    }

    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** Whether and how a client presents a certificate. */
    public enum ClientAuth {
        /** No client certificate is asked for. */
        NONE,
        /** A client may present one; a presented certificate must verify against the trust store. */
        WANT,
        /** A client must present one that verifies against the trust store. */
        NEED
    }

    /**
     * HTTPS with a PKCS12 key store; optionally client certificates (mutual TLS) verified against
     * a PKCS12 trust store, whose subjects {@code subjectClients} maps to client ids.
     */
    public record Tls(Path keystore, String keystorePassword, ClientAuth clientAuth, Path truststore,
            String truststorePassword, Map<String, String> subjectClients) {

        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(keystorePassword, "keystorePassword");
            clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
            if (clientAuth != ClientAuth.NONE && truststore == null) {
                throw new IllegalArgumentException("client certificates need a trust store");
            }
            subjectClients = subjectClients == null ? Map.of() : Map.copyOf(subjectClients);
        }

        public static Tls of(Path keystore, String keystorePassword) {
            return new Tls(keystore, keystorePassword, ClientAuth.NONE, null, null, Map.of());
        }

        /** Never the passwords. */
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", clientAuth=" + clientAuth + ", truststore=" + truststore
                    + ", subjectClients=" + subjectClients.size() + "]";
        }
    }

    /**
     * Requests per client: a bucket of {@code burst} requests that refills at {@code perSecond}.
     */
    public record RateLimit(double perSecond, int burst) {
        public RateLimit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
            }
        }
    }
}
