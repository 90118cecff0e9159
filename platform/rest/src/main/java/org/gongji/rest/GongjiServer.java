package org.gongji.rest;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.rest.internal.ApiApplication;
import org.gongji.rest.internal.ApiHandler;
import org.gongji.rest.internal.Json;
import org.gongji.rest.internal.Metrics;
import org.gongji.store.Store;

/**
 * The API served by Jetty (its core handlers, no servlets) with Jersey behind:
 * {@code start(store, regions, "127.0.0.1", 0)} in a test, the OSGi component with its configured
 * {@link ServerOptions} in the runtime.
 *
 * <p>Why Jetty and not the JDK's HTTP server: the JDK server reads a request's headers on a
 * request thread, without a timeout, so a few dozen clients that send one byte stop the API (its
 * {@code sun.net.httpserver.maxReqTime} only closes them after a while, with the threads held all
 * that time). Jetty parses headers and receives bodies as bytes arrive, on no thread, and closes
 * connections idle for {@link ServerOptions#idleTimeout()}. Jersey's own Jetty container cannot be
 * used inside OSGi (its Java 17 classes import packages its manifest does not declare), so
 * {@link ApiHandler} hands requests to Jersey.
 */
public final class GongjiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GongjiServer.class.getName());

    private final Server server;
    private final ServerConnector connector;
    private final ServerOptions options;
    private final Metrics metrics;

    private GongjiServer(Server server, ServerConnector connector, ServerOptions options, Metrics metrics) {
        this.server = server;
        this.connector = connector;
        this.options = options;
        this.metrics = metrics;
    }

    /**
     * Starts serving.
     *
     * @param more further resource or provider instances (e.g. filters)
     */
    public static GongjiServer start(Store store, RegionRegistry regions, ServerOptions options, List<Object> more) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta REST finds Jersey's RuntimeDelegate through the context class loader: inside OSGi
        // only Jersey's own bundle loader sees its META-INF/services
        ClassLoader jerseyLoader = ResourceConfig.class.getClassLoader();
        thread.setContextClassLoader(jerseyLoader);
        Server server = null;
        Metrics metrics = new Metrics().watch(store);
        try {
            ResourceConfig config = ApiApplication.resourceConfig(store, regions, more, options, metrics);
            ApplicationHandler jersey = new ApplicationHandler(config);
            server = new Server(threadPool(options, jerseyLoader));
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            ServerConnector connector;
            if (options.tls() == null) {
                connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            } else {
                http.addCustomizer(new SecureRequestCustomizer(false));
                connector = new ServerConnector(server, 1, 1,
                        new SslConnectionFactory(sslContext(options.tls()), "http/1.1"), new HttpConnectionFactory(http));
            }
            connector.setHost(options.host());
            connector.setPort(options.port());
            connector.setIdleTimeout(options.idleTimeout().toMillis());
            // without TCP_NODELAY every small response waits for the client's delayed ACK (~40 ms)
            connector.setAcceptedTcpNoDelay(true);
            server.addConnector(connector);
            server.addBean(new ConnectionLimit(options.maxConnections(), server));
            server.setHandler(new ApiHandler(jersey, options, Json.mapper()));
            server.setErrorHandler(ApiApplication.errorHandler());
            server.setStopTimeout(5_000);
            server.start();
            GongjiServer started = new GongjiServer(server, connector, options, metrics);
            LOG.info("API listening on " + started.describe());
            return started;
        } catch (Exception e) {
            metrics.close();
            if (server != null) {
                try {
                    server.stop();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof RuntimeException r ? r
                    : new IllegalStateException("the API cannot listen on " + options.host() + ":" + options.port(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static GongjiServer start(Store store, RegionRegistry regions, String host, int port, int threads,
            List<Object> more) {
        return start(store, regions, ServerOptions.loopback(port).withHost(host).withThreads(threads), more);
    }

    public static GongjiServer start(Store store, RegionRegistry regions, String host, int port) {
        return start(store, regions, host, port, ServerOptions.DEFAULT_THREADS, List.of());
    }

    private static QueuedThreadPool threadPool(ServerOptions options, ClassLoader contextLoader) {
        AtomicInteger n = new AtomicInteger();
        // the request threads, plus one acceptor and one selector
        QueuedThreadPool pool = new QueuedThreadPool(options.threads() + 2, Math.min(8, options.threads() + 2)) {
            @Override
            public Thread newThread(Runnable runnable) {
                Thread t = new Thread(runnable, "gongji-http-" + n.incrementAndGet());
                t.setDaemon(true);
                t.setContextClassLoader(contextLoader);
                return t;
            }
        };
        pool.setReservedThreads(0);
        return pool;
    }

    private static SslContextFactory.Server sslContext(ServerOptions.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.keystorePassword());
        if (tls.truststore() != null) {
            ssl.setTrustStoreType("PKCS12");
            ssl.setTrustStorePath(tls.truststore().toAbsolutePath().toString());
            if (tls.truststorePassword() != null) {
                ssl.setTrustStorePassword(tls.truststorePassword());
            }
        }
        switch (tls.clientAuth()) {
            case NEED -> ssl.setNeedClientAuth(true);
            case WANT -> ssl.setWantClientAuth(true);
            case NONE -> {
            }
        }
        return ssl;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public ServerOptions options() {
        return options;
    }

    /** Where the API answers, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        String host = options.host();
        if (host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host)) {
            host = "127.0.0.1";
        } else if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create(options.scheme() + "://" + host + ":" + port());
    }

    private String describe() {
        ServerOptions.Tls tls = options.tls();
        return options.scheme() + "://" + options.host() + ":" + port() + " ("
                + (tls == null ? "plain HTTP" : "TLS, client certificates " + tls.clientAuth())
                + (options.publicUrl() == null ? "" : ", public address " + options.publicUrl())
                + ", " + options.threads() + " request threads, bodies up to " + options.maxBodyBytes() + " bytes, uploads up to "
                + options.maxUploadBytes() + ")";
    }

    @Override
    public void close() {
        int port = port();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warning("the API did not stop cleanly: " + e.getMessage());
        }
        metrics.close();
        String stopped = "API stopped listening on " + options.scheme() + "://" + options.host() + ":" + port;
        if (Logger.getLogger("").getHandlers().length == 0) {
            // the JVM is exiting: java.util.logging's own shutdown hook has already closed its handlers
            System.err.println(java.time.LocalDateTime.now() + " INFO    [" + GongjiServer.class.getName() + "] " + stopped);
        } else {
            LOG.info(stopped);
        }
    }
}
