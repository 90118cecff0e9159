package org.gongji.rest;

import java.nio.file.Path;
import java.util.List;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.ChinaTime;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.internal.JpaStore;

/**
 * The API in a process of its own, for {@link KilledDuringCreditingTest}: Derby under the data
 * folder given, Jiaozuo's rules, crediting in chunks of the size given; prints its port, serves
 * until killed.
 */
public final class CrashableServer {

    private CrashableServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        OpenStore store = JpaStore.open(StoreConfig.derby(Path.of(args[0])), regions, ChinaTime.fromEnvironment(), 64,
                Integer.parseInt(args[1]));
        GongjiServer server = GongjiServer.start(store, regions, "127.0.0.1", 0, 8, List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
        }));
        System.out.println("port " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
