package org.gongji.rest;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.store.OpenStore;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Jobs over HTTP: {@code Prefer: respond-async} on a crediting, then the job at its Location. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobApiTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient api;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        api = ApiClient.admin(store, server.baseUri());
        for (int i = 1; i <= 3; i++) {
            assertThat(api.put("/api/v1/persons/J" + i, """
                    {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800",
                     "monthlyContributionBase":6000.00}""").status()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    private HttpResponse<String> postAsync(String path, String body, String prefer) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Content-Type", "application/json")
                .header("Prefer", prefer).header("Authorization", "Bearer " + api.token()).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCreditingWithPreferRespondAsyncAnswers202AndTheJobAnswersWhenDone() throws Exception {
        HttpResponse<String> accepted = postAsync("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2024-02\"}",
                "wait=5, Respond-Async");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Preference-Applied")).contains("respond-async");
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        assertThat(path).startsWith("/api/v1/jobs/");
        JsonNode job = mapper.readTree(accepted.body());
        assertThat(job.path("kind").asText()).isEqualTo("account-credit");
        assertThat(path).endsWith(job.path("jobId").asText());

        Reply done = api.get(path);
        for (int i = 0; i < 600 && !done.json().path("status").asText().equals("DONE"); i++) {
            Thread.sleep(50);
            done = api.get(path);
        }
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("status").asText()).as(done.raw()).isEqualTo("DONE");
        assertThat(done.json().path("progress").path("done").asLong()).isEqualTo(3);
        assertThat(done.json().path("progress").path("total").asLong()).isEqualTo(3);
        assertThat(done.json().path("startedAt").isTextual()).isTrue();
        assertThat(done.json().path("finishedAt").isTextual()).isTrue();
        // the synchronous answer: 2% × 6000.00 for each of the three (ASSUMPTION row of Jiaozuo)
        assertThat(done.json().path("result").path("personsCredited").asInt()).isEqualTo(3);
        assertThat(done.json().path("result").path("totalCredited").decimalValue()).isEqualByComparingTo("360.00");
        assertThat(done.json().has("problem")).isFalse();
    }

    @Test
    void withoutThePreferenceTheCreditingAnswersAsBefore() {
        Reply r = api.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2024-01\"}");

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("personsCredited").asInt()).isEqualTo(3);
    }

    @Test
    void aRefusedAsyncCreditingStoresNoJobAndAnswersTheRefusal() throws Exception {
        HttpResponse<String> r = postAsync("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2999-01\"}",
                "respond-async");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(mapper.readTree(r.body()).path("code").asText()).isEqualTo("DATE_IN_FUTURE");
    }

    @Test
    void creditingIsTheBureausAndAJobIsReadByWhoReadsItsRegion() throws Exception {
        assertThat(api.put("/api/v1/institutions/H9",
                "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}").status())
                .isEqualTo(200);
        ApiClient hospital = ApiClient.as(store, Role.INSTITUTION, null, "H9", server.baseUri());
        ApiClient jinan = ApiClient.as(store, Role.BUREAU, "370100", null, server.baseUri());
        ApiClient henan = ApiClient.as(store, Role.BUREAU, "410000", null, server.baseUri());
        ApiClient auditor = ApiClient.as(store, Role.AUDITOR, "410800", null, server.baseUri());
        String body = "{\"region\":\"410800\",\"month\":\"2024-03\"}";

        assertThat(hospital.post("/api/v1/account-credits", body).code()).isEqualTo("FORBIDDEN");
        assertThat(jinan.post("/api/v1/account-credits", body).code()).isEqualTo("FORBIDDEN");
        assertThat(auditor.post("/api/v1/account-credits", body).code()).isEqualTo("FORBIDDEN");
        assertThat(jinan.post("/api/v1/provider-payments", "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2023-05\"}")
                .code()).isEqualTo("FORBIDDEN");
        // the province's bureau acts for its cities
        Reply credited = henan.post("/api/v1/account-credits", body);
        assertThat(credited.status()).as(credited.raw()).isEqualTo(200);

        HttpResponse<String> accepted = postAsync("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2024-04\"}",
                "respond-async");
        String job = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(auditor.get(job).status()).isEqualTo(200);
        assertThat(henan.get(job).status()).isEqualTo(200);
        Reply foreign = jinan.get(job);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("FORBIDDEN");
        assertThat(hospital.get(job).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anUnknownJobIs404() {
        Reply r = api.get("/api/v1/jobs/no-such-job");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("UNKNOWN_JOB");
    }
}
