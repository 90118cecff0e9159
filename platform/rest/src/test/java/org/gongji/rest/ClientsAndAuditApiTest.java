package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.gongji.rules.StandardRegion;
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

/** Clients over the API, what each write records of its client, and what an institution sees of a person. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientsAndAuditApiTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient admin;

    static final String VISIT = """
            {"personId":"P1","institutionId":"H1","date":"2024-03-05","medType":"GENERAL_OUTPATIENT",
             "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":%s}]}""";

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        admin = ApiClient.admin(store, server.baseUri());
        for (String h : new String[] {"H1", "H2"}) {
            assertThat(admin.put("/api/v1/institutions/" + h,
                    "{\"name\":\"医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}").status()).isEqualTo(200);
        }
        assertThat(admin.put("/api/v1/persons/C1",
                "{\"name\":\"子女\",\"birthDate\":\"2010-05-01\",\"category\":\"EMPLOYED\",\"region\":\"410800\"}").status())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/persons/P1", """
                {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800",
                 "monthlyContributionBase":6000.00,"family":[{"personId":"C1","relation":"CHILD"}]}""").status())
                .isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    /** Creates a client over the API and answers a client of the API with its token. */
    ApiClient create(String body) {
        Reply r = admin.post("/api/v1/clients", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        return admin.withToken(r.json().path("token").asText());
    }

    @Test
    void anAdministratorCreatesListsAndRevokesClientsAndATokenIsShownOnce() {
        Reply created = admin.post("/api/v1/clients", "{\"name\":\"焦作市医保局\",\"role\":\"BUREAU\",\"region\":\"410800\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().path("clientId").asText();
        String token = created.json().path("token").asText();
        assertThat(created.location()).endsWith("/api/v1/clients/" + id);
        assertThat(created.json().path("role").asText()).isEqualTo("BUREAU");
        assertThat(created.json().path("region").asText()).isEqualTo("410800");
        assertThat(token).startsWith("gj_");

        Reply list = admin.get("/api/v1/clients");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).contains(id).doesNotContain(token).doesNotContain("\"token\"");
        assertThat(admin.get("/api/v1/clients/" + id).raw()).doesNotContain(token);

        ApiClient bureau = admin.withToken(token);
        assertThat(bureau.get("/api/v1/persons/P1").status()).isEqualTo(200);
        Reply revoked = admin.delete("/api/v1/clients/" + id);
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.json().path("revokedAt").isNull()).isFalse();
        assertThat(bureau.get("/api/v1/persons/P1").status()).isEqualTo(401);
        assertThat(admin.delete("/api/v1/clients/no-such").code()).isEqualTo("UNKNOWN_CLIENT");
    }

    @Test
    void aClientNeedsANameARoleAndTheScopeOfItsRole() {
        for (String body : new String[] {"{\"role\":\"ADMIN\"}", "{\"name\":\"x\"}", "{\"name\":\"x\",\"role\":\"ROOT\"}",
                "{\"name\":\"x\",\"role\":\"BUREAU\"}", "{\"name\":\"x\",\"role\":\"AUDITOR\",\"region\":\"4108\"}",
                "{\"name\":\"x\",\"role\":\"INSTITUTION\"}", "{\"name\":\"x\",\"role\":\"INSTITUTION\",\"institutionId\":\"H404\"}",
                "{\"name\":\"x\",\"role\":\"ADMIN\",\"region\":\"410800\"}", "{\"name\":\"x\",\"role\":\"ADMIN\",\"tokn\":\"y\"}",
                "{\"name\":\"x\",\"role\":\"ADMIN\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}"}) {
            Reply r = admin.post("/api/v1/clients", body);
            assertThat(r.status()).as(body + " → " + r.raw()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Reply keyed = admin.post("/api/v1/clients", "{\"name\":\"x\",\"role\":\"ADMIN\"}", "k1");
        assertThat(keyed.status()).as(keyed.raw()).isEqualTo(400);
    }

    @Test
    void aKeyBelongsToItsClientAndTheSettlementShowsWhoBookedAndWhoReversed() {
        ApiClient his = create("{\"name\":\"人民医院 HIS\",\"role\":\"INSTITUTION\",\"institutionId\":\"H1\"}");
        ApiClient other = ApiClient.as(store, Role.INSTITUTION, null, "H1", server.baseUri());
        String hisId = clientId(his);

        Reply first = his.post("/api/v1/settlements", VISIT.formatted("30.00"), "same-key");
        Reply replay = his.post("/api/v1/settlements", VISIT.formatted("30.00"), "same-key");
        // the same key from another client is that client's own key: a settlement of its own, no 409
        Reply theirs = other.post("/api/v1/settlements", VISIT.formatted("31.00"), "same-key");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.json().path("settlementId")).isEqualTo(first.json().path("settlementId"));
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(201);
        assertThat(theirs.json().path("settlementId")).isNotEqualTo(first.json().path("settlementId"));

        String id = first.json().path("settlementId").asText();
        assertThat(first.json().path("bookedBy").asText()).isEqualTo(hisId);
        assertThat(first.json().path("reversedBy").isNull()).isTrue();
        Reply reversed = admin.post("/api/v1/settlements/" + id + "/reversal", "");
        assertThat(reversed.json().path("bookedBy").asText()).isEqualTo(hisId);
        assertThat(reversed.json().path("reversedBy").asText()).isEqualTo(clientId(admin));
        assertThat(his.get("/api/v1/settlements/" + id).json().path("reversedBy").asText()).isEqualTo(clientId(admin));
    }

    @Test
    void everyWriteIsAuditedWithItsClientAndOperatorAndAnAuditorReadsItsRegionOnly() {
        ApiClient his = create("{\"name\":\"二院 HIS\",\"role\":\"INSTITUTION\",\"institutionId\":\"H2\"}");
        String hisId = clientId(his);
        Reply settled = his.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/settlements"))
                .header("Content-Type", "application/json").header("X-Actor", "cashier-3")
                .POST(HttpRequest.BodyPublishers.ofString(VISIT.formatted("40.00").replace("\"H1\"", "\"H2\""))));
        assertThat(settled.status()).as(settled.raw()).isEqualTo(201);

        Reply mine = admin.get("/api/v1/audit?clientId=" + hisId);
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.json().path("total").asLong()).isEqualTo(1);
        JsonNode entry = mine.json().path("entries").get(0);
        assertThat(entry.path("clientId").asText()).isEqualTo(hisId);
        assertThat(entry.path("actor").asText()).isEqualTo("cashier-3");
        assertThat(entry.path("action").asText()).isEqualTo("SETTLE");
        assertThat(entry.path("target").asText()).isEqualTo("settlement/" + settled.json().path("settlementId").asText());
        assertThat(entry.path("region").asText()).isEqualTo("410800");

        ApiClient henan = create("{\"name\":\"省审计\",\"role\":\"AUDITOR\",\"region\":\"410000\"}");
        ApiClient shandong = create("{\"name\":\"鲁审计\",\"role\":\"AUDITOR\",\"region\":\"370000\"}");
        assertThat(henan.get("/api/v1/audit?clientId=" + hisId).json().path("total").asLong()).isEqualTo(1);
        assertThat(shandong.get("/api/v1/audit?clientId=" + hisId).json().path("total").asLong()).isZero();
        // what it sees of everything: writes of Shandong only (here: its own client's creation)
        assertThat(shandong.get("/api/v1/audit").json().path("entries"))
                .allSatisfy(e -> assertThat(e.path("region").asText()).startsWith("37")).isNotEmpty();

        Reply page = admin.get("/api/v1/audit?limit=2&offset=1");
        assertThat(page.json().path("entries")).hasSize(2);
        assertThat(page.json().path("total").asLong()).isGreaterThan(3);
        assertThat(admin.get("/api/v1/audit?limit=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit?from=2000-01-01&to=2000-01-31").json().path("total").asLong()).isZero();
    }

    @Test
    void anInstitutionSeesOfAPersonWhatSettlingNeedsOnceItSettledForThem() {
        ApiClient his = ApiClient.as(store, Role.INSTITUTION, null, "H1", server.baseUri());
        assertThat(admin.post("/api/v1/settlements", VISIT.formatted("12.00")).status()).isEqualTo(201);

        Reply seen = his.get("/api/v1/persons/P1");
        assertThat(seen.status()).as(seen.raw()).isEqualTo(200);
        assertThat(seen.json().path("name").asText()).isEqualTo("张三");
        assertThat(seen.json().has("chronicDiseases")).isTrue();
        assertThat(seen.json().has("monthlyContributionBase")).isFalse();
        assertThat(seen.json().has("family")).isFalse();
        // the bureau sees the whole person
        Reply whole = ApiClient.as(store, Role.BUREAU, "410800", null, server.baseUri()).get("/api/v1/persons/P1");
        assertThat(whole.json().has("monthlyContributionBase")).isTrue();
        assertThat(whole.json().path("family")).isNotEmpty();
        // a person it never settled for: refused
        assertThat(his.get("/api/v1/persons/C1").code()).isEqualTo("FORBIDDEN");
    }

    private String clientId(ApiClient client) {
        return store.clients().authenticate(client.token()).orElseThrow().clientId();
    }
}
