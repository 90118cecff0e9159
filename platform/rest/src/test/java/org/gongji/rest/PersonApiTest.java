package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Persons over real HTTP: dated chronic-disease recognitions and the refusals of malformed lists. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonApiTest {

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

    static String person(String extra) {
        return """
                {"name":"李四","birthDate":"1960-05-01","category":"EMPLOYED","region":"410800",
                 "monthlyContributionBase":6000.00%s}""".formatted(extra);
    }

    void assertRefused(Reply r, int status, String code, String detailMentions) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.raw()).isEqualTo(code);
        assertThat(r.json().path("detail").asText()).as(r.raw()).contains(detailMentions).doesNotContain("org.gongji");
    }

    @Test
    void recognitionsAreStoredAndShownWithTheirDates() {
        Reply put = api.put("/api/v1/persons/R1", person(", \"chronicDiseases\":[{\"code\":\"M03900\",\"from\":\"2024-01-01\"},"
                + "{\"code\":\"E10900\",\"from\":\"2023-03-01\",\"to\":\"2023-12-31\"}]"));
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        Reply got = api.get("/api/v1/persons/R1");
        assertThat(got.json().path("chronicDiseases").toString()).isEqualTo(
                "[{\"code\":\"E10900\",\"from\":\"2023-03-01\",\"to\":\"2023-12-31\"},"
                        + "{\"code\":\"M03900\",\"from\":\"2024-01-01\",\"to\":null}]");
    }

    @Test
    void aPlainCodeIsRefusedAsARecognitionWithoutItsDate() {
        assertRefused(api.put("/api/v1/persons/R2", person(", \"chronicDiseases\":[\"M03900\"]")), 400, "INVALID_REQUEST",
                "{code, from, to}");
        assertThat(api.get("/api/v1/persons/R2").status()).isEqualTo(404);
    }

    @Test
    void aNullEntryInChronicDiseasesOrFamilyIsRefusedNotAFailure() {
        assertRefused(api.put("/api/v1/persons/R3", person(", \"chronicDiseases\":[null]")), 400, "INVALID_REQUEST",
                "chronicDiseases[]");
        assertRefused(api.put("/api/v1/persons/R3", person(", \"family\":[null]")), 400, "INVALID_REQUEST", "family[]");
        assertThat(api.get("/api/v1/persons/R3").status()).isEqualTo(404);
    }

    @Test
    void aRecognitionWithoutItsStartEndingBeforeItOrTwiceOnTheSameDaysIsRefused() {
        assertRefused(api.put("/api/v1/persons/R4", person(", \"chronicDiseases\":[{\"code\":\"M03900\"}]")), 400,
                "INVALID_REQUEST", "chronicDiseases[].from");
        assertRefused(api.put("/api/v1/persons/R4", person(
                ", \"chronicDiseases\":[{\"code\":\"M03900\",\"from\":\"2024-03-01\",\"to\":\"2024-02-01\"}]")), 400,
                "INVALID_REQUEST", "before it begins");
        assertRefused(api.put("/api/v1/persons/R4", person(", \"chronicDiseases\":[{\"code\":\"M03900\",\"from\":\"2024-01-01\"},"
                + "{\"code\":\"M03900\",\"from\":\"2024-06-01\"}]")), 400, "INVALID_REQUEST", "twice");
        assertRefused(api.put("/api/v1/persons/R4", person(", \"family\":[{\"personId\":\"X\",\"relation\":\"SPOUSE\"},"
                + "{\"personId\":\"X\",\"relation\":\"CHILD\"}]")), 400, "INVALID_REQUEST", "twice");
    }

    @Test
    void aChangeIsDatedRefusedOnOrBeforeABookingAndShownWithItsVersions() {
        assertThat(api.put("/api/v1/persons/V1", person("")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2024-01\"}").status())
                .isEqualTo(200);
        String raised = person("").replace("6000.00", "9000.00");
        assertRefused(api.put("/api/v1/persons/V1", raised.replace("}", ",\"effectiveFrom\":\"2024-01-01\"}")), 409,
                "CHANGE_BEFORE_BOOKING", "2024-01-02");
        Reply changed = api.put("/api/v1/persons/V1", raised.replace("}", ",\"effectiveFrom\":\"2024-02-01\"}"));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().path("effectiveFrom").asText()).isEqualTo("2024-02-01");
        assertThat(changed.json().path("versions").size()).isEqualTo(2);
        assertThat(changed.json().path("versions").get(0).path("effectiveFrom").asText()).isEqualTo("1960-05-01");
        assertThat(changed.json().path("versions").get(0).path("monthlyContributionBase").decimalValue())
                .isEqualByComparingTo("6000.00");
        assertThat(changed.json().path("versions").get(1).path("effectiveFrom").asText()).isEqualTo("2024-02-01");
        assertThat(changed.json().path("versions").get(1).path("monthlyContributionBase").decimalValue())
                .isEqualByComparingTo("9000.00");
        Reply january = api.get("/api/v1/persons/V1?date=2024-01-31");
        assertThat(january.json().path("monthlyContributionBase").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(january.json().path("effectiveFrom").asText()).isEqualTo("1960-05-01");
        assertRefused(api.put("/api/v1/persons/V1", raised.replace("9000.00", "9500.00")
                .replace("}", ",\"effectiveFrom\":\"2024-01-15\"}")), 409,
                "CHANGE_BEFORE_VERSION", "2024-02-01");
        assertRefused(api.get("/api/v1/persons/V1?date=yesterday"), 400, "INVALID_REQUEST", "YYYY-MM-DD");
    }

    @Test
    void aContributionBaseOutsideTheRegionsLimitsIsRefused() {
        assertRefused(api.put("/api/v1/persons/V2", person("").replace("6000.00", "100000000.00")), 422,
                "OUTSIDE_REGION_LIMITS", "contribution.base.ceiling");
        assertRefused(api.put("/api/v1/persons/V2", person("").replace("6000.00", "100.00")), 422,
                "OUTSIDE_REGION_LIMITS", "contribution.base.floor");
        assertThat(api.get("/api/v1/persons/V2").status()).isEqualTo(404);
    }
}
