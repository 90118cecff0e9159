package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The filing check of a draft table over HTTP: Jiaozuo's own table, and the same with a misspelt key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilingCheckApiTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient api;
    String jiaozuo;

    @BeforeAll
    void start() throws IOException {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        api = ApiClient.admin(store, server.baseUri());
        try (InputStream in = StandardRegion.class.getClassLoader().getResourceAsStream("rules/410800-jiaozuo.txt")) {
            jiaozuo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    private HttpResponse<String> check(String table) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/filing-checks"))
                .header("Content-Type", "text/plain; charset=utf-8").header("Authorization", "Bearer " + api.token())
                .POST(HttpRequest.BodyPublishers.ofString(table)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jiaozuosTableReadsAndItsAssumptionsAreListedForTheBureauToConfirm() throws Exception {
        HttpResponse<String> r = check(jiaozuo);
        JsonNode report = new ObjectMapper().readTree(r.body());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(report.path("region").asText()).isEqualTo("410800");
        // Henan is not deployed in this test: the bounds cannot be checked, and the report says so
        assertThat(report.path("status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(report.path("assumptions").asInt()).isPositive();
        assertThat(report.path("report").asText()).contains("焦作", "假设：");
    }

    @Test
    void aMisspeltKeyIsRefusedWithItsLineAndKey() throws Exception {
        HttpResponse<String> r = check(jiaozuo.replace("outpatient.ratio.retiredBonus ", "outpatient.ratio.retiredBonu5 "));
        JsonNode report = new ObjectMapper().readTree(r.body());

        assertThat(report.path("status").asText()).isEqualTo("REFUSED");
        assertThat(report.path("problems").toString()).contains("outpatient.ratio.retiredBonu5", "draft:");
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        assertThat(check("").statusCode()).isEqualTo(400);
    }
}
