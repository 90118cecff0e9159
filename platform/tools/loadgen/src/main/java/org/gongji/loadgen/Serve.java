package org.gongji.loadgen;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.GongjiServer;
import org.gongji.rules.StandardRegion;
import org.gongji.store.ClientDirectory;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;

/**
 * The plain-Java server the generator measures: Jiaozuo's rules, embedded Derby under
 * {@code GONGJI_DATA} (or PostgreSQL by {@code GONGJI_JDBC_URL}), port {@code GONGJI_HTTP_PORT}
 * (8080). Runs until killed; closes Derby cleanly on shutdown.
 */
public final class Serve {

    private Serve() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("GONGJI_HTTP_PORT", "8080"));
        int threads = Integer.parseInt(System.getenv().getOrDefault("GONGJI_HTTP_THREADS", "32"));
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        StoreConfig config = StoreConfig.fromEnvironment(System.getenv());
        OpenStore store = Stores.open(config, regions);
        GongjiServer server = GongjiServer.start(store, regions, "127.0.0.1", port, threads, java.util.List.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }));
        System.out.println("gongji serving " + server.baseUri() + " over "
                + (config.embedded() ? "Derby in " + Path.of(config.dataFolder().toString()).toAbsolutePath() : config.jdbcUrl())
                + "; the first administrator's token (first start only) is in "
                + config.dataFolder().resolve(ClientDirectory.ADMIN_TOKEN_FILE).toAbsolutePath());
        stopped.await();
    }
}
