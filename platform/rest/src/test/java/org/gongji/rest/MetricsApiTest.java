package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** GET /metrics in the Prometheus text format counts what the node did, for ADMIN and AUDITOR. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTest {

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
        assertThat(api.put("/api/v1/institutions/H1",
                "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}").status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/persons/P1", """
                {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800",
                 "monthlyContributionBase":6000.00}""").status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    static String visit(String person, String date) {
        return """
                {"personId":"%s","institutionId":"H1","date":"%s","medType":"GENERAL_OUTPATIENT",
                 "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":300.00}]}""".formatted(person, date);
    }

    /** The value of one sample line, e.g. {@code gongji_settlements_total{outcome="booked",region="410800"}}; 0 when absent. */
    static double sample(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(labels.isEmpty() ? name : name + "{" + labels + "}") + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    String scrape() {
        Reply r = api.get("/metrics");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain").contains("version=0.0.4");
        return r.raw();
    }

    @Test
    void aBookedSettlementIsCountedForItsRegionAndOutcome() {
        double before = sample(scrape(), "gongji_settlements_total", "outcome=\"booked\",region=\"410800\"");

        assertThat(api.post("/api/v1/settlements", visit("P1", "2024-03-05")).status()).isEqualTo(201);

        String after = scrape();
        assertThat(sample(after, "gongji_settlements_total", "outcome=\"booked\",region=\"410800\"")).isEqualTo(before + 1);
        assertThat(sample(after, "gongji_settlement_duration_seconds_count", "result=\"booked\"")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("gongji_settlement_duration_seconds_bucket{result=\"booked\",le=");
    }

    @Test
    void aRefusedSettlementIsCountedWithItsCode() {
        double before = sample(scrape(), "gongji_settlements_total", "outcome=\"UNKNOWN_PERSON\",region=\"unknown\"");

        assertThat(api.post("/api/v1/settlements", visit("NOBODY", "2024-03-05")).status()).isEqualTo(404);

        assertThat(sample(scrape(), "gongji_settlements_total", "outcome=\"UNKNOWN_PERSON\",region=\"unknown\""))
                .isEqualTo(before + 1);
    }

    @Test
    void theGroupCommitThePoolTheJobsAndTheJvmAreReported() {
        assertThat(api.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2024-01\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/settlements", visit("P1", "2024-03-06")).status()).isEqualTo(201);

        String text = scrape();
        assertThat(sample(text, "gongji_commit_writes_count", "")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("gongji_commit_duration_seconds_bucket{le=", "gongji_writer_queued ",
                "gongji_db_pool_active ", "hikaricp_connections_active{pool=\"gongji-",
                "jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ");
        assertThat(sample(text, "gongji_jobs", "kind=\"account-credit\",status=\"DONE\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAuditorReadsTheMetricsAndAnInstitutionDoesNot() {
        ApiClient auditor = ApiClient.as(store, Role.AUDITOR, "410800", null, server.baseUri());
        ApiClient institution = ApiClient.as(store, Role.INSTITUTION, null, "H1", server.baseUri());

        assertThat(auditor.get("/metrics").status()).isEqualTo(200);
        assertThat(institution.get("/metrics").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(server.baseUri()).get("/metrics").status()).isEqualTo(401);
    }
}
