package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.gongji.rules.StandardRegion;
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
 * A bureau's simulation over HTTP: three visits of 1000.00 at a Jiaozuo tertiary hospital in 2026 pool
 * 475.00, 475.00 and 350.00 (cap 1300.00, 焦政办〔2022〕22号 二(一)); a draft cap of 1000.00 pays 1000.00.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationApiTest {

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
        api.put("/api/v1/institutions/H1", "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}");
        api.put("/api/v1/persons/S1", """
                {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","monthlyContributionBase":6000.00}""");
        for (String date : new String[] {"2026-01-05", "2026-02-05", "2026-03-05"}) {
            Reply r = api.post("/api/v1/settlements", """
                    {"personId":"S1","institutionId":"H1","date":"%s","medType":"GENERAL_OUTPATIENT",
                     "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":1000.00}]}""".formatted(date));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void aSimulationAnswersBaselineAndDraftSideBySideAndIsStored() {
        Reply r = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"changes":[{"key":"outpatient.cap.employed","value":1000}]}""");

        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("baseline").path("poolPaid").decimalValue()).isEqualByComparingTo("1300.00");
        assertThat(r.json().path("draft").path("poolPaid").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(r.json().path("draft").path("poolPaidByBenefit").path("GENERAL_OUTPATIENT").decimalValue())
                .isEqualByComparingTo("1000.00");
        assertThat(r.json().path("draft").path("fundPaidByMonth").path("2026-02").decimalValue()).isEqualByComparingTo("475.00");
        assertThat(r.json().path("booked").path("exact").asBoolean()).isTrue();
        assertThat(r.json().path("changes").get(0).path("replacedValue").asText()).isEqualTo("1300.00");
        assertThat(api.get(r.location()).json().path("draft").path("poolPaid").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void withRespondAsyncTheSimulationIsAJobToFollow() throws Exception {
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri()
                .resolve("/api/v1/simulations")).header("Content-Type", "application/json").header("Prefer", "respond-async")
                .header("Authorization", "Bearer " + api.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"410800\",\"year\":2026,\"changes\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();

        Reply done = api.get(job);
        for (int i = 0; i < 200 && !done.json().path("status").asText().equals("DONE"); i++) {
            Thread.sleep(50);
            done = api.get(job);
        }
        assertThat(done.json().path("kind").asText()).isEqualTo("simulation");
        String id = done.json().path("result").path("simulationId").asText();
        Reply simulation = api.get("/api/v1/simulations/" + id);
        assertThat(simulation.json().path("draft").path("poolPaid").decimalValue()).isEqualByComparingTo("1300.00");
    }

    @Test
    void aDraftNamingAKeyTheRulesDoNotHaveIsRefused() {
        Reply r = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"changes":[{"key":"outpatient.cap.employd","value":"1000.00"}]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_REQUEST");
        assertThat(api.get("/api/v1/simulations/nothing").status()).isEqualTo(404);
    }

    /** A claim file's three visits of 1000.00 at a tertiary hospital: 475 + 475 + 350 to the cap of 1300.00, 焦政办〔2022〕22号 二(一). */
    static final String CLAIM_FILE = "person,category,age,date,level,medicalType,classA,classB,classBPreSelfPay,classC,disease\\n"
            + "U1,EMPLOYED,45,2026-01-10,TERTIARY,GENERAL_OUTPATIENT,1000.00,,,,\\n"
            + "U1,EMPLOYED,45,2026-02-10,TERTIARY,GENERAL_OUTPATIENT,1000.00,,,,\\n"
            + "U1,EMPLOYED,45,2026-03-10,TERTIARY,GENERAL_OUTPATIENT,1000.00,,,,\\n";

    @Test
    void anUploadedClaimFileIsSettledUnderTheRulesInForceAndTheDraftInsteadOfTheBookedClaims() {
        Reply r = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"claims":"UPLOADED","visits":"%s",
                 "changes":[{"key":"outpatient.cap.employed","value":1000}]}""".formatted(CLAIM_FILE));

        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("claims").asText()).isEqualTo("UPLOADED");
        assertThat(r.json().path("baseline").path("claims").asLong()).isEqualTo(3);
        assertThat(r.json().path("baseline").path("poolPaid").decimalValue()).isEqualByComparingTo("1300.00");
        assertThat(r.json().path("draft").path("poolPaid").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(r.json().path("baseline").path("fundPaidByMonth").path("2026-03").decimalValue())
                .isEqualByComparingTo("350.00");
    }

    @Test
    void visitsWithoutClaimsMeanAnUploadedFile() {
        Reply r = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"visits":"%s"}""".formatted(CLAIM_FILE));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("claims").asText()).isEqualTo("UPLOADED");
        assertThat(r.json().path("baseline").path("poolPaid").decimalValue()).isEqualByComparingTo("1300.00");
    }

    @Test
    void aClaimFileWithAWrongLineIsRefusedNamingTheLineAndStoresNoSimulation() {
        String wrong = CLAIM_FILE + "U2,EMPLOYED,45,2026-02-30,TERTIARY,GENERAL_OUTPATIENT,100.00,,,,\\n";
        Reply r = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"claims":"UPLOADED","visits":"%s"}""".formatted(wrong));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_REQUEST");
        assertThat(r.json().path("detail").asText()).contains(":5:");

        Reply otherYear = api.post("/api/v1/simulations", """
                {"region":"410800","year":2025,"visits":"%s"}""".formatted(CLAIM_FILE));
        assertThat(otherYear.status()).as(otherYear.raw()).isEqualTo(400);
        assertThat(otherYear.json().path("detail").asText()).contains("2025");
    }

    @Test
    void uploadedClaimsNeedTheFileAndBookedClaimsTakeNone() {
        Reply noFile = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"claims":"UPLOADED"}""");
        assertThat(noFile.status()).as(noFile.raw()).isEqualTo(400);
        Reply both = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"claims":"BOOKED","visits":"%s"}""".formatted(CLAIM_FILE));
        assertThat(both.status()).as(both.raw()).isEqualTo(400);
        Reply unknown = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"claims":"SAMPLED"}""");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(400);
    }

    @Test
    void aClaimFileLargerThanAJsonBodyIsTakenUpToTheUploadLimit() {
        // 30,000 visits of 20.00 by 10,000 persons: about 2 MB, above the 1 MiB limit of other JSON bodies
        StringBuilder file = new StringBuilder("person,category,age,date,level,medicalType,classA\\n");
        for (int i = 0; i < 30_000; i++) {
            file.append("P").append(i % 10_000).append(",EMPLOYED,45,2026-0").append(1 + i / 10_000)
                    .append("-15,PRIMARY,GENERAL_OUTPATIENT,20.00\\n");
        }
        Reply r = api.post("/api/v1/simulations", """
                {"region":"410800","year":2026,"visits":"%s"}""".formatted(file));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("baseline").path("claims").asLong()).isEqualTo(30_000);
        assertThat(r.json().path("persons").asLong()).isEqualTo(10_000);
    }
}
