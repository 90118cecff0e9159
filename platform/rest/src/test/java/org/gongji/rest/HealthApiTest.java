package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.store.OpenStore;
import org.gongji.store.Store;
import org.gongji.store.StoreConfig;
import org.gongji.store.StoreMonitor;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness (GET /api/v1/health) fails with the check that fails; liveness only needs the process. */
class HealthApiTest {

    @TempDir
    Path tmp;
    OpenStore store;
    GongjiServer server;

    @BeforeEach
    void open() {
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt")));
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        store.close();
    }

    private ApiClient serve(Store over, MapRegionRegistry regions) {
        server = GongjiServer.start(over, regions, "127.0.0.1", 0);
        return ApiClient.anonymous(server.baseUri());
    }

    @Test
    void aNodeWithItsDatabaseAWriterAndARegionIsUp() {
        ApiClient api = serve(store, new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt")));

        Reply r = api.get("/api/v1/health");

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
        assertThat(r.json().path("checks").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(r.json().path("checks").path("writer").path("status").asText()).isEqualTo("UP");
        assertThat(r.json().path("checks").path("regions").path("serving").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/health/ready").status()).isEqualTo(200);
    }

    @Test
    void withoutAServingRegionTheNodeIsDownButAlive() {
        ApiClient api = serve(store, new MapRegionRegistry());

        Reply r = api.get("/api/v1/health");

        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(r.json().path("checks").path("regions").path("status").asText()).isEqualTo("DOWN");
        assertThat(r.json().path("checks").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(api.get("/api/v1/health/live").status()).isEqualTo(200);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsReportedWithItsReason() {
        StoreMonitor real = store.monitor().orElseThrow();
        ApiClient api = serve(new Unreachable(store, real).asStore(), new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt")));

        Reply r = api.get("/api/v1/health");

        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.json().path("checks").path("database").path("status").asText()).isEqualTo("DOWN");
        assertThat(r.json().path("checks").path("database").path("reason").asText()).contains("connection refused");
        assertThat(r.json().path("checks").path("writer").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aWriteWaitingLongerThanTenSecondsMeansTheWriterIsStuck() {
        StoreMonitor real = store.monitor().orElseThrow();
        ApiClient api = serve(new Unreachable(store, real) {
            @Override
            public Optional<String> databaseProblem(Duration timeout) {
                return Optional.empty();
            }

            @Override
            public WriterState writers() {
                return new WriterState(1, true, 5, 10_001, 0, 0, 0, 0);
            }
        }.asStore(), new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt")));

        Reply r = api.get("/api/v1/health");

        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.json().path("checks").path("writer").path("status").asText()).isEqualTo("DOWN");
        assertThat(r.json().path("checks").path("writer").path("queued").asInt()).isEqualTo(5);
    }

    /** The real store, whose monitor says the database refuses connections. */
    static class Unreachable implements StoreMonitor {
        private final Store store;
        private final StoreMonitor real;

        Unreachable(Store store, StoreMonitor real) {
            this.store = store;
            this.real = real;
        }

        /** The store with this monitor: every other call goes to the real store. */
        Store asStore() {
            return (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("monitor")) {
                            return Optional.of(this);
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Optional<String> databaseProblem(Duration timeout) {
            return Optional.of("cannot connect: SQLState 08001: connection refused");
        }

        @Override
        public String databaseProduct() {
            return real.databaseProduct();
        }

        @Override
        public WriterState writers() {
            return real.writers();
        }

        @Override
        public PoolState pool() {
            return real.pool();
        }

        @Override
        public Subscription onCommit(CommitListener listener) {
            return real.onCommit(listener);
        }

        @Override
        public boolean trackPool(Object meterRegistry) {
            return real.trackPool(meterRegistry);
        }
    }
}
