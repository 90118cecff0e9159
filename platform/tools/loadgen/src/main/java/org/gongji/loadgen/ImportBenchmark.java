package org.gongji.loadgen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.GongjiServer;
import org.gongji.store.NewClient;
import org.gongji.store.OpenStore;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.gongji.store.WriteContext;

/**
 * Bulk import benchmark: N persons of Jiaozuo as one {@code application/x-ndjson} body through
 * {@code POST /api/v1/persons/import}, into a fresh embedded Derby (or the server at {@code --url}),
 * with a stream of settlements from other clients meanwhile whose latency is reported beside it.
 * <pre>
 * java -cp ... org.gongji.loadgen.ImportBenchmark [--persons 1000000] [--settlers 2] [--url http://127.0.0.1:8080]
 *     [--token TOKEN] [--data /tmp/gongji-import] [--async true]
 * </pre>
 * Every tenth person declares a spouse, every twentieth a recognised chronic disease; one line in
 * ten thousand is refused (a contribution base above Jiaozuo's ceiling) so the refusal path is timed too.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = 1_000_000;
        int settlers = 2;
        URI url = null;
        String token = System.getenv("GONGJI_TOKEN");
        Path data = null;
        boolean async = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[i + 1]);
                case "--settlers" -> settlers = Integer.parseInt(args[i + 1]);
                case "--url" -> url = URI.create(args[i + 1]);
                case "--token" -> token = args[i + 1];
                case "--data" -> data = Path.of(args[i + 1]);
                case "--async" -> async = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        OpenStore store = null;
        GongjiServer server = null;
        if (url == null) {
            Path folder = data != null ? data : Files.createTempDirectory("gongji-import");
            MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
            store = Stores.open(StoreConfig.derby(folder.resolve("data")), regions);
            server = GongjiServer.start(store, regions, "127.0.0.1", 0);
            url = server.baseUri();
            if (token == null) {
                token = store.clients().create(NewClient.of("import benchmark", Role.ADMIN, null, null),
                        WriteContext.by("import benchmark")).token();
            }
            System.out.println("in-process server " + url + ", Derby in " + folder);
        }
        try {
            run(url, token, persons, settlers, async);
        } finally {
            if (server != null) {
                server.close();
            }
            if (store != null) {
                store.close();
            }
        }
    }

    /** @param async with {@code Prefer: respond-async}: the time runs until the job is done */
    static void run(URI url, String token, int persons, int settlers, boolean async) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path body = Files.createTempFile("gongji-import", ".ndjson");
        try {
            long written = write(body, run, persons);
            System.out.printf("%d lines, %.1f MB%n", persons, written / 1e6);
            // the settling clients: a hospital and persons of their own, settling small visits throughout
            send(http, token, HttpRequest.newBuilder(url.resolve("/api/v1/institutions/BENCH-H")).PUT(json(
                    "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}")), "application/json");
            for (int s = 0; s < settlers; s++) {
                send(http, token, HttpRequest.newBuilder(url.resolve("/api/v1/persons/BENCH-S" + run + s)).PUT(json(
                        "{\"name\":\"s\",\"birthDate\":\"1980-01-01\",\"category\":\"EMPLOYED\",\"region\":\"410800\","
                                + "\"monthlyContributionBase\":6000.00}")), "application/json");
            }
            AtomicBoolean importing = new AtomicBoolean(true);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < settlers; s++) {
                String person = "BENCH-S" + run + s;
                Thread t = new Thread(() -> settle(http, token, url, person, importing, latencies), "settler-" + s);
                t.start();
                threads.add(t);
            }
            long start = System.nanoTime();
            HttpRequest.Builder post = HttpRequest.newBuilder(url.resolve("/api/v1/persons/import"))
                    .header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(body));
            if (async) {
                post.header("Prefer", "respond-async");
            }
            HttpResponse<String> answer = http.send(withToken(post, token).build(), HttpResponse.BodyHandlers.ofString());
            if (async && answer.statusCode() == 202) {
                System.out.printf("staged and accepted in %.1f s%n", (System.nanoTime() - start) / 1e9);
                URI job = url.resolve(answer.headers().firstValue("Location").orElseThrow());
                do {
                    Thread.sleep(200);
                    answer = http.send(withToken(HttpRequest.newBuilder(job).GET(), token).build(),
                            HttpResponse.BodyHandlers.ofString());
                } while (answer.statusCode() == 200 && !answer.body().contains("\"status\":\"DONE\"")
                        && !answer.body().contains("\"status\":\"FAILED\""));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            importing.set(false);
            for (Thread t : threads) {
                t.join();
            }
            String summary = answer.body().length() > 300 ? answer.body().substring(0, 300) + "..." : answer.body();
            System.out.printf("import: HTTP %d in %.1f s (%.0f lines/s): %s%n", answer.statusCode(), seconds,
                    persons / seconds, summary);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (!sorted.isEmpty()) {
                System.out.printf("settlements meanwhile: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.size(),
                        sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                        sorted.get(sorted.size() - 1) / 1e6);
            }
        } finally {
            Files.deleteIfExists(body);
        }
    }

    static long write(Path body, String run, int persons) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(body, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(300);
            for (int i = 1; i <= persons; i++) {
                line.setLength(0);
                String id = "IMP" + run + "-" + i;
                line.append("{\"personId\":\"").append(id).append("\",\"name\":\"参保人").append(i)
                        .append("\",\"birthDate\":\"").append(LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28))
                        .append("\",\"category\":\"EMPLOYED\",\"region\":\"410800\",\"monthlyContributionBase\":")
                        .append(i % 10_000 == 0 ? "99999.00" : (3000 + i % 12000) + ".00");
                if (i % 10 == 0) {
                    line.append(",\"family\":[{\"personId\":\"IMP").append(run).append('-').append(i - 1)
                            .append("\",\"relation\":\"SPOUSE\"}]");
                }
                if (i % 20 == 0) {
                    line.append(",\"chronicDiseases\":[{\"code\":\"M03900\",\"from\":\"2024-01-01\"}]");
                }
                line.append("}\n");
                w.append(line);
            }
        }
        return Files.size(body);
    }

    private static void settle(HttpClient http, String token, URI url, String person, AtomicBoolean importing,
            List<Long> latencies) {
        String visit = "{\"personId\":\"" + person + "\",\"institutionId\":\"BENCH-H\",\"date\":\"" + LocalDate.now().minusDays(1)
                + "\",\"medType\":\"GENERAL_OUTPATIENT\",\"lines\":[{\"code\":\"A001\",\"name\":\"检查\","
                + "\"catalogueClass\":\"A\",\"amount\":1.00}]}";
        while (importing.get()) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(withToken(HttpRequest.newBuilder(url.resolve("/api/v1/settlements"))
                        .header("Content-Type", "application/json").POST(json(visit)), token).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("settlement answered " + r.statusCode() + ": " + r.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            latencies.add(System.nanoTime() - t0);
        }
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder b, String token) {
        return token == null || token.isBlank() ? b : b.header("Authorization", "Bearer " + token);
    }

    private static void send(HttpClient http, String token, HttpRequest.Builder b, String contentType) throws Exception {
        HttpResponse<String> r = http.send(withToken(b.header("Content-Type", contentType), token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.statusCode() + ": " + r.body());
        }
    }
}
