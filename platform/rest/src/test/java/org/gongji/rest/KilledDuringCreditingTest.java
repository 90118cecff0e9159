package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.AccountStatement;
import org.gongji.store.LedgerEntry.EntryKind;
import org.gongji.store.NewClient;
import org.gongji.store.Role;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.gongji.store.WriteContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform killed ({@code kill -9}) in the middle of a crediting job: started again on the same
 * data, it takes the job up where its last chunk committed, and the job's totals and every ledger
 * come out exact (everyone credited once).
 */
class KilledDuringCreditingTest {

    static final int PERSONS = 1000;
    static final int CHUNK = 25;
    static final YearMonth MONTH = YearMonth.of(2024, 2);

    @TempDir
    Path tmp;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper mapper = new ObjectMapper();
    String token;

    @Test
    void aJobKilledMidwayResumesOnRestartAndItsTotalsAreExact() throws Exception {
        Path data = tmp.resolve("data");
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        try (OpenStore store = Stores.open(StoreConfig.derby(data), regions)) {
            token = store.clients().create(NewClient.of("test bureau", Role.BUREAU, "410800", null), WriteContext.by("test"))
                    .token();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < PERSONS; i++) {
                String id = String.format("K%05d", i);
                puts.add(pool.submit(() -> store.persons().putPerson(new Person(id, "职工", RegionCode.of("410800"),
                        LocalDate.of(1980, 5, 1), PersonCategory.EMPLOYED, null, Money.ofYuan(6000), null, null, List.of()),
                        WriteContext.by("test"))));
            }
            for (Future<?> f : puts) {
                f.get();
            }
            pool.shutdown();
        }

        Server first = Server.start(data);
        String job;
        JsonNode atKill;
        try {
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(first.uri("/api/v1/account-credits"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).header("Prefer", "respond-async")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"410800\",\"month\":\"" + MONTH + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            job = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
            do {
                Thread.sleep(20);
                atKill = get(first, job);
            } while (atKill.path("progress").path("done").asLong() < 4L * CHUNK
                    && !atKill.path("status").asText().equals("DONE"));
        } finally {
            first.kill();
        }
        assertThat(atKill.path("status").asText()).as("killed while running").isEqualTo("RUNNING");
        assertThat(atKill.path("progress").path("done").asLong()).isLessThan(PERSONS);

        Server second = Server.start(data);
        JsonNode done;
        try {
            done = get(second, job);
            for (int i = 0; i < 1200 && !done.path("status").asText().equals("DONE"); i++) {
                Thread.sleep(100);
                done = get(second, job);
            }
        } finally {
            second.stop();
        }
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("progress").path("done").asLong()).isEqualTo(PERSONS);
        assertThat(done.path("progress").path("total").asLong()).isEqualTo(PERSONS);
        // 2% × 6000.00 = 120.00 each (ASSUMPTION row of Jiaozuo), everyone by this one job
        assertThat(done.path("result").path("personsCredited").asInt()).isEqualTo(PERSONS);
        assertThat(done.path("result").path("personsAlreadyCredited").asInt()).isZero();
        assertThat(done.path("result").path("totalCredited").decimalValue()).isEqualByComparingTo(
                Money.ofFen(12_000L * PERSONS).toString());

        try (OpenStore store = Stores.open(StoreConfig.derby(data), regions)) {
            for (int i = 0; i < PERSONS; i++) {
                AccountStatement account = store.accounts().statement(String.format("K%05d", i));
                assertThat(account.entries()).as(account.personId()).singleElement()
                        .satisfies(e -> assertThat(e.kind()).isEqualTo(EntryKind.MONTHLY_CREDIT));
                assertThat(account.balance()).isEqualTo(Money.parse("120.00"));
            }
        }
    }

    private JsonNode get(Server server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mapper.readTree(r.body());
    }

    /** {@link CrashableServer} in a JVM of its own, on this test's class path. */
    record Server(Process process, int port) {

        static Server start(Path data) throws Exception {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashableServer.class.getName(), data.toString(),
                    Integer.toString(CHUNK)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("port ")) {
                // the server's other output
            }
            if (line == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the server did not start, exit " + p.waitFor());
            }
            return new Server(p, Integer.parseInt(line.substring(5).strip()));
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** SIGKILL: no shutdown hook, Derby not closed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
