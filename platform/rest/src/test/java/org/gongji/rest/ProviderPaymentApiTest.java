package org.gongji.rest;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /api/v1/provider-payments over real HTTP on Jiaozuo's rules (焦政办〔2022〕22号 二(五)): a community
 * clinic paid per capita, a hospital per item, day-surgery cases by DIP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderPaymentApiTest {

    private static final String CATALOGUE = "group,diagnosis,procedure,name,score,averageCost\\n"
            + "G1,H25.9,13.41,SYNTHETIC cataract,60,6000.00\\n";
    private static final String CASES = "caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,otherFundsPaid\\n"
            + "k1,H1,H25.9,13.41,2024-05-02,6000.00,600.00,0\\nk2,C1,H25.9,13.41,2024-05-03,6000.00,600.00,0\\n";

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
        ok(api.put("/api/v1/institutions/H1", "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\"}"));
        ok(api.put("/api/v1/institutions/C1", "{\"name\":\"社区卫生服务中心\",\"region\":\"410800\",\"level\":\"PRIMARY\"}"));
        ok(api.put("/api/v1/persons/S1", """
                {"name":"签约","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800",
                 "monthlyContributionBase":6000.00,"familyDoctorInstitutionId":"C1"}"""));
        ok(api.put("/api/v1/persons/N1", """
                {"name":"未签约","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","monthlyContributionBase":6000.00}"""));
        // 二(一): tertiary (300 - 50) × 50 % = 125.00; primary at the family doctor's 65 % × 100 = 65.00
        assertThat(api.post("/api/v1/settlements", visit("N1", "H1", "2024-03-05", "300.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/settlements", visit("S1", "C1", "2024-03-06", "100.00")).status()).isEqualTo(201);
        String reversed = api.post("/api/v1/settlements", visit("N1", "H1", "2024-03-07", "200.00")).json()
                .path("settlementId").asText();
        assertThat(api.post("/api/v1/settlements/" + reversed + "/reversal", "").status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    private static void ok(Reply r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private static String visit(String person, String institution, String date, String amount) {
        return """
                {"personId":"%s","institutionId":"%s","date":"%s","medType":"GENERAL_OUTPATIENT",
                 "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":%s}]}""".formatted(person, institution, date, amount);
    }

    private static JsonNode institution(Reply r, String id) {
        for (JsonNode i : r.json().path("institutions")) {
            if (i.path("institutionId").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + id + " in " + r.raw());
    }

    @Test
    void a_per_item_run_is_stored_and_a_second_returns_the_first() {
        String body = "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2024-03\"}";
        Reply first = api.post("/api/v1/provider-payments", body);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.raw()).contains("\"total\":125.00", "\"amount\":125.00");
        assertThat(first.json().path("institutions")).hasSize(1);
        assertThat(first.location()).endsWith("/api/v1/provider-payments/" + first.json().path("runId").asText());

        Reply second = api.post("/api/v1/provider-payments", body);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.replayed()).isTrue();
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(api.get(first.location()).json()).isEqualTo(first.json());
    }

    @Test
    void a_per_capita_run_counts_signed_persons_and_traces_the_clauses() {
        Reply r = api.post("/api/v1/provider-payments", "{\"region\":\"410800\",\"method\":\"PER_CAPITA\",\"period\":\"2024-Q1\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        // budget 10.00 × 1 × 3 = 30.00; spent 65.00; reasonable overspend 3.00 (10 %), fund bears half
        JsonNode c1 = institution(r, "C1");
        assertThat(c1.path("amount").decimalValue()).isEqualByComparingTo("31.50");
        assertThat(c1.path("trace").toString()).contains("焦政办〔2022〕22号 二(五)", "assumption:");
    }

    @Test
    void a_dip_run_pays_the_budget_over_the_uploaded_cases() {
        Reply r = api.post("/api/v1/provider-payments", """
                {"region":"410800","method":"DIP","period":"2024-05","budget":9000.00,"catalogue":"%s","cases":"%s"}"""
                .formatted(CATALOGUE, CASES));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("total").decimalValue()).isEqualByComparingTo("9000.00");
        assertThat(institution(r, "H1").path("amount").decimalValue()).isEqualByComparingTo("5066.67");
        assertThat(institution(r, "C1").path("amount").decimalValue()).isEqualByComparingTo("3933.33");
        assertThat(r.json().path("status").asText()).isEqualTo("DRAFT");
        ok(api.post("/api/v1/provider-payments/" + r.json().path("runId").asText() + "/confirmation", ""));

        Reply other = api.post("/api/v1/provider-payments", """
                {"region":"410800","method":"DIP","period":"2024-05","budget":9500.00,"catalogue":"%s","cases":"%s"}"""
                .formatted(CATALOGUE, CASES));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("IDEMPOTENCY_CONFLICT");
    }

    @Test
    void a_draft_is_confirmed_then_revoked_and_only_a_confirmed_period_refuses_settlements() {
        Reply draft = api.post("/api/v1/provider-payments", "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2023-09\"}");
        assertThat(draft.status()).as(draft.raw()).isEqualTo(201);
        assertThat(draft.json().path("status").asText()).isEqualTo("DRAFT");
        String run = "/api/v1/provider-payments/" + draft.json().path("runId").asText();
        String visit = visit("N1", "H1", "2023-09-20", "10.00");
        assertThat(api.post("/api/v1/settlements", visit).status()).isEqualTo(201);
        // the draft no longer holds the period's settlements: run again, then confirm
        assertThat(code(api.post(run + "/confirmation", ""))).isEqualTo("PAYMENT_RUN_OUTDATED");
        assertThat(code(api.post(run + "/revocation", ""))).isEqualTo("PAYMENT_RUN_STATE");
        Reply fresh = api.post("/api/v1/provider-payments", "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2023-09\"}");
        assertThat(fresh.status()).as(fresh.raw()).isEqualTo(201);
        run = "/api/v1/provider-payments/" + fresh.json().path("runId").asText();

        Reply confirmed = api.post(run + "/confirmation", "");
        ok(confirmed);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("confirmedAt").isTextual()).isTrue();
        assertThat(code(api.post(run + "/confirmation", ""))).isEqualTo("PAYMENT_RUN_STATE");
        assertThat(code(api.post("/api/v1/settlements", visit))).isEqualTo("PERIOD_CLOSED");

        Reply revoked = api.post(run + "/revocation", "");
        ok(revoked);
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(api.get(run).json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(api.post("/api/v1/settlements", visit).status()).isEqualTo(201);
        assertThat(code(api.post("/api/v1/provider-payments/nope/confirmation", ""))).isEqualTo("UNKNOWN_PAYMENT_RUN");
    }

    @Test
    void a_run_with_prefer_respond_async_is_a_job_whose_result_is_the_run() throws Exception {
        java.net.http.HttpResponse<String> accepted = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/provider-payments"))
                        .header("Content-Type", "application/json").header("Prefer", "respond-async")
                        .header("Authorization", "Bearer " + api.token())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2023-08\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = java.net.URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        Reply done = api.get(job);
        for (int i = 0; i < 600 && !done.json().path("status").asText().equals("DONE"); i++) {
            Thread.sleep(50);
            done = api.get(job);
        }
        assertThat(done.json().path("kind").asText()).isEqualTo("provider-payment");
        assertThat(done.json().path("status").asText()).as(done.raw()).isEqualTo("DONE");
        assertThat(done.json().path("result").path("status").asText()).isEqualTo("DRAFT");
        assertThat(done.json().path("result").path("period").asText()).isEqualTo("2023-08");
        String runId = done.json().path("result").path("runId").asText();
        assertThat(api.get("/api/v1/provider-payments/" + runId).json().path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void bad_requests_are_refused_with_a_code() {
        assertThat(code(api.post("/api/v1/provider-payments", "{\"region\":\"410800\",\"method\":\"DIP\",\"period\":\"2024-06\","
                + "\"budget\":1.001,\"catalogue\":\"x\",\"cases\":\"y\"}"))).isEqualTo("INVALID_AMOUNT");
        assertThat(code(api.post("/api/v1/provider-payments",
                "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2024-06\",\"budget\":1.00}"))).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post("/api/v1/provider-payments",
                "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2024-13\"}"))).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post("/api/v1/provider-payments", "{\"region\":\"410800\",\"method\":\"DIP\",\"period\":\"2024-06\","
                + "\"budget\":1.00,\"catalogue\":\"" + CATALOGUE + "\",\"cases\":\"caseId,institutionId\\nk,H1\\n\"}")))
                .isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post("/api/v1/provider-payments",
                "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2022-01\"}"))).isEqualTo("RULES_NOT_IN_FORCE");
        Reply unknown = api.get("/api/v1/provider-payments/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("UNKNOWN_PAYMENT_RUN");
    }

    private static String code(Reply r) {
        assertThat(r.status()).as(r.raw()).isBetween(400, 499);
        return r.json().path("code").asText();
    }
}
