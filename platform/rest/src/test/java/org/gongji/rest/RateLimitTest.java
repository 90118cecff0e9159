package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configured rate limit answers 429 with {@code Retry-After} once a client has used its burst;
 * another client is not affected. The rate here refills one request every 20 s, so that no
 * refill happens between the requests of the test however slow the machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions,
                ServerOptions.loopback(0).withRateLimit(new ServerOptions.RateLimit(0.05, 3)), List.of());
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/regions")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientPastItsBurstGets429WithRetryAfterAndOthersAreServed() throws Exception {
        String a = ApiClient.admin(store, server.baseUri()).token();
        String b = ApiClient.admin(store, server.baseUri()).token();
        for (int i = 0; i < 3; i++) {
            assertThat(get(a).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get(a);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 20L);
        assertThat(get(b).statusCode()).isEqualTo(200);
        // an unknown token is refused by authentication before it can use anyone's budget
        assertThat(get("gj_unknown").statusCode()).isEqualTo(401);
    }
}
