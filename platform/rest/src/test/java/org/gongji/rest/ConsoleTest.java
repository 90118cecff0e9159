package org.gongji.rest;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The console's files as the browser fetches them: from the platform itself, nothing from elsewhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsolePageIsServedInChineseWithoutAToken() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("lang=\"zh-CN\"", "基金测算", "console.js");
    }

    @Test
    void theConsoleLoadsOnlyItsOwnFiles() throws Exception {
        HttpResponse<String> page = get("/console/index.html");
        assertThat(page.body()).doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                p -> assertThat(p).contains("default-src 'self'"));
        HttpResponse<String> script = get("/console/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    }

    @Test
    void aNameOutsideTheConsolesFilesIsNotFound() throws Exception {
        // Jetty refuses an encoded '/' in a path outright (400, ambiguous path separator)
        assertThat(get("/console/..%2Fopenapi.json").statusCode()).isIn(400, 404);
        assertThat(get("/console/ConsoleAssets.class").statusCode()).isEqualTo(404);
        assertThat(get("/console/nothing.html").statusCode()).isEqualTo(404);
    }

    @Test
    void theBareConsolePathLeadsToThePage() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/console")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
    }
}
