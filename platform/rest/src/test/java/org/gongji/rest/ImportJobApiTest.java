package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.rules.StandardRegion;
import org.gongji.store.OpenStore;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Imports as jobs over HTTP: {@code Prefer: respond-async}, then the job's result is the synchronous answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportJobApiTest {

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

    private Reply post(ApiClient client, String path, String body, String prefer, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return client.send(b);
    }

    private Reply done(ApiClient client, Reply accepted) throws InterruptedException {
        String job = URI.create(accepted.location()).getPath();
        Reply r = client.get(job);
        for (int i = 0; i < 1200 && !r.json().path("status").asText().matches("DONE|FAILED"); i++) {
            Thread.sleep(50);
            r = client.get(job);
        }
        return r;
    }

    /** {@code n} person lines with ids {@code prefix0001...}: every 500th malformed, every 300th over the ceiling. */
    private static String persons(String prefix, int n) {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            if (i % 500 == 0) {
                body.append("{\"personId\":\"").append(prefix).append(i).append("\",\n");
                continue;
            }
            body.append(String.format("{\"personId\":\"%s%04d\",\"name\":\"王五\",\"birthDate\":\"1970-01-01\",\"category\":\"EMPLOYED\","
                    + "\"region\":\"410800\",\"monthlyContributionBase\":%s}%n", prefix, i, i % 300 == 0 ? "100000000.00" : "6000.00"));
        }
        return body.toString();
    }

    private static String refusals(JsonNode answer) {
        StringBuilder s = new StringBuilder();
        answer.path("refusedLines").forEach(r -> s.append(r.path("line").asInt()).append(' ').append(r.path("code").asText()).append(';'));
        return s.toString();
    }

    @Test
    void anImportWithPreferRespondAsyncAnswers202AndItsJobAnswersAsTheSynchronousImport() throws Exception {
        Reply sync = post(api, "/api/v1/persons/import", persons("SY", 2_100), null, null);
        Reply accepted = post(api, "/api/v1/persons/import", persons("AS", 2_100), "respond-async", null);

        assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
        assertThat(accepted.location()).contains("/api/v1/jobs/" + accepted.json().path("jobId").asText());
        assertThat(accepted.json().path("kind").asText()).isEqualTo("person-import");
        assertThat(accepted.json().path("region").asText()).isEqualTo("410800");
        Reply job = done(api, accepted);
        assertThat(job.json().path("status").asText()).as(job.raw()).isEqualTo("DONE");
        assertThat(job.json().path("progress").path("done").asInt()).isEqualTo(2_100);
        assertThat(job.json().path("progress").path("total").asInt()).isEqualTo(2_100);
        JsonNode result = job.json().path("result");
        for (String count : new String[] {"lines", "created", "updated", "unchanged", "refused"}) {
            assertThat(result.path(count).asInt()).as(count).isEqualTo(sync.json().path(count).asInt());
        }
        assertThat(result.path("created").asInt()).isEqualTo(2_100 - 10);
        assertThat(refusals(result)).isEqualTo(refusals(sync.json())).startsWith("300 OUTSIDE_REGION_LIMITS;500 MALFORMED_JSON;");
        assertThat(api.get("/api/v1/persons/AS2099").status()).isEqualTo(200);
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstJobAnotherBodyIsAConflict() throws Exception {
        String body = persons("ID", 3);
        Reply first = post(api, "/api/v1/persons/import", body, "respond-async", "import-id-1");
        Reply again = post(api, "/api/v1/persons/import", body, "respond-async", "import-id-1");
        Reply other = post(api, "/api/v1/persons/import", persons("IX", 3), "respond-async", "import-id-1");

        assertThat(first.status()).as(first.raw()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.replayed()).isTrue();
        assertThat(again.json().path("jobId").asText()).isEqualTo(first.json().path("jobId").asText());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(done(api, first).json().path("result").path("created").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/persons/IX0001").status()).isEqualTo(404);
    }

    @Test
    void institutionsImportAsAJobAndABureausJobIsItsRegions() throws Exception {
        Reply accepted = post(api, "/api/v1/institutions/import", """
                {"institutionId":"JC1","name":"社区卫生服务中心","region":"410800","level":"PRIMARY","provincial":false}
                {"institutionId":"JX","name":"x","region":"410800","level":"CLINIC"}
                """, "respond-async", null);
        Reply job = done(api, accepted);
        assertThat(job.json().path("result").path("created").asInt()).as(job.raw()).isEqualTo(1);
        assertThat(refusals(job.json().path("result"))).isEqualTo("2 INVALID_REQUEST;");

        ApiClient henan = ApiClient.as(store, Role.BUREAU, "410000", null, server.baseUri());
        ApiClient jinan = ApiClient.as(store, Role.BUREAU, "370100", null, server.baseUri());
        Reply own = post(henan, "/api/v1/persons/import", persons("HN", 2), "respond-async", null);
        assertThat(own.status()).as(own.raw()).isEqualTo(202);
        assertThat(own.json().path("region").asText()).isEqualTo("410000");
        assertThat(done(henan, own).json().path("result").path("created").asInt()).isEqualTo(2);
        assertThat(jinan.get(URI.create(own.location()).getPath()).status()).isEqualTo(403);
        // a bureau's lines outside its region are refused one by one, in the job as without it
        Reply foreign = post(jinan, "/api/v1/persons/import", persons("JN", 1), "respond-async", null);
        assertThat(refusals(done(jinan, foreign).json().path("result"))).isEqualTo("1 FORBIDDEN;");
    }
}
