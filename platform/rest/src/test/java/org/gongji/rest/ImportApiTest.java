package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.OpenStore;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bulk import over real HTTP: {@code application/x-ndjson}, each line on its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportApiTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient api;

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        api = ApiClient.admin(store, server.baseUri());
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    record Answer(int status, JsonNode json) {
    }

    Answer post(String path, String contentType, String body) throws Exception {
        return post(api, path, contentType, body);
    }

    Answer post(ApiClient client, String path, String contentType, String body) throws Exception {
        ApiClient.Reply r = client.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
        return new Answer(r.status(), new ObjectMapper().readTree(r.raw()));
    }

    @Test
    void institutionsThenPersonsLandLineByLineAndRefusedLinesSayWhy() throws Exception {
        Answer institutions = post("/api/v1/institutions/import", "application/x-ndjson", """
                {"institutionId":"IC1","name":"社区卫生服务中心","region":"410800","level":"PRIMARY","provincial":false}
                {"institutionId":"IH1","name":"焦作市人民医院","region":"410800","level":"TERTIARY"}
                {"institutionId":"IX","name":"x","region":"410800","level":"CLINIC"}
                """);
        assertThat(institutions.status()).as(institutions.json().toString()).isEqualTo(200);
        assertThat(institutions.json().path("created").asInt()).isEqualTo(2);
        assertThat(institutions.json().path("refusedLines").get(0).path("line").asInt()).isEqualTo(3);

        String person = "{\"personId\":\"%s\",\"name\":\"王五\",\"birthDate\":\"1970-01-01\",\"category\":\"EMPLOYED\","
                + "\"region\":\"410800\",\"monthlyContributionBase\":%s%s}";
        String body = String.join("\n",
                person.formatted("I1", "6000.00", ",\"familyDoctorInstitutionId\":\"IC1\""),
                "{\"personId\":\"I2\",",
                person.formatted("I3", "6000.00", ",\"colour\":\"red\""),
                person.formatted("I4", "6000.00", ",\"family\":[null]"),
                person.formatted("I5", "6000.00", ",\"chronicDiseases\":[\"M03900\"]"),
                "",
                person.formatted("I7", "100000000.00", ""),
                person.formatted("I8", "6000.00", ",\"chronicDiseases\":[{\"code\":\"M03900\",\"from\":\"2024-01-01\"}]"),
                person.formatted("I1", "6500.00", ",\"familyDoctorInstitutionId\":\"IC1\""),
                "[1,2]") + "\n";
        Answer answer = post("/api/v1/persons/import", "application/x-ndjson", body);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        JsonNode j = answer.json();
        assertThat(j.path("created").asInt()).isEqualTo(2);
        assertThat(j.path("updated").asInt()).isEqualTo(1);
        assertThat(j.path("refused").asInt()).isEqualTo(6);
        StringBuilder refused = new StringBuilder();
        j.path("refusedLines").forEach(r -> refused.append(r.path("line").asInt()).append(' ').append(r.path("code").asText())
                .append(';'));
        assertThat(refused.toString()).isEqualTo("2 MALFORMED_JSON;3 UNKNOWN_FIELD;4 INVALID_REQUEST;5 INVALID_REQUEST;"
                + "7 OUTSIDE_REGION_LIMITS;10 INVALID_REQUEST;");
        j.path("refusedLines").forEach(r -> assertThat(r.path("detail").asText()).isNotBlank().doesNotContain("org.gongji"));

        assertThat(api.get("/api/v1/persons/I1").json().path("monthlyContributionBase").decimalValue())
                .isEqualByComparingTo("6500.00");
        assertThat(api.get("/api/v1/persons/I8").json().path("chronicDiseases").get(0).path("from").asText())
                .isEqualTo("2024-01-01");
        assertThat(api.get("/api/v1/persons/I7").status()).isEqualTo(404);
    }

    @Test
    void aJsonBodyIsNotAnImport() throws Exception {
        assertThat(post("/api/v1/persons/import", "application/json", "{}").status()).isEqualTo(415);
    }

    @Test
    void aBureauImportsItsOwnRegionOnlyAndAnInstitutionNothing() throws Exception {
        ApiClient henan = ApiClient.as(store, Role.BUREAU, "410000", null, server.baseUri());
        ApiClient jinan = ApiClient.as(store, Role.BUREAU, "370100", null, server.baseUri());
        assertThat(api.put("/api/v1/institutions/IH9", "{\"name\":\"医院\",\"region\":\"410800\",\"level\":\"TERTIARY\"}")
                .status()).isEqualTo(200);
        ApiClient hospital = ApiClient.as(store, Role.INSTITUTION, null, "IH9", server.baseUri());
        String line = "{\"personId\":\"%s\",\"birthDate\":\"1970-01-01\",\"category\":\"EMPLOYED\","
                + "\"region\":\"410800\",\"monthlyContributionBase\":6000.00}\n";
        // Henan's bureau acts for its cities (Jiaozuo 410800)
        Answer own = post(henan, "/api/v1/persons/import", "application/x-ndjson", line.formatted("S1"));
        assertThat(own.json().path("created").asInt()).as(own.json().toString()).isEqualTo(1);
        Answer other = post(jinan, "/api/v1/persons/import", "application/x-ndjson", line.formatted("S2"));
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().path("refusedLines").get(0).path("code").asText()).isEqualTo("FORBIDDEN");
        Answer refused = post(hospital, "/api/v1/persons/import", "application/x-ndjson", line.formatted("S3"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(post(ApiClient.anonymous(server.baseUri()), "/api/v1/persons/import", "application/x-ndjson",
                line.formatted("S4")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/persons/S2").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/persons/S3").status()).isEqualTo(404);
    }
}
