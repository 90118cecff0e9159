package org.gongji.rest;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.rest.internal.ApiApplication;
import org.gongji.store.Store;

/**
 * The API served by the JDK's HTTP server: {@code start(store, regions, "127.0.0.1", 0, 32)} in a
 * test, the OSGi component with its configured port in the runtime.
 */
public final class GongjiServer implements AutoCloseable {

    /** Read by the JDK HTTP server; set it on the command line where another server starts first. */
    public static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;

    private GongjiServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts serving.
     *
     * @param port 0 for any free port
     * @param threads requests handled at once (the JDK server alone would handle one at a time)
     * @param more further resource instances (e.g. provider payments)
     */
    public static GongjiServer start(Store store, RegionRegistry regions, String host, int port, int threads,
            List<Object> more) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gongji-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Without TCP_NODELAY every small response waits for the client's delayed ACK (~40 ms).
        // The JDK server reads this property once, when its first server is created.
        System.getProperties().putIfAbsent(NODELAY, "true");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta REST finds Jersey's RuntimeDelegate through the context class loader: inside OSGi
        // only Jersey's own bundle loader sees its META-INF/services
        thread.setContextClassLoader(ResourceConfig.class.getClassLoader());
        try {
            HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port + "/"),
                    ApiApplication.resourceConfig(store, regions, more), false);
            server.setExecutor(workers);
            server.start();
            return new GongjiServer(server, workers);
        } catch (RuntimeException e) {
            workers.shutdownNow();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static GongjiServer start(Store store, RegionRegistry regions, String host, int port) {
        return start(store, regions, host, port, 32, List.of());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the API answers, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
