package org.gongji.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Measures, against a running gongji server, committed settlements per second ({@code 201} from
 * {@code POST /api/v1/settlements}) and their latency, side by side with the trivial
 * {@code GET /api/v1/ping} on the same server, with the same number of concurrent clients.
 *
 * <pre>
 * java -cp ... org.gongji.loadgen.LoadGenerator [--url http://127.0.0.1:8080[,http://127.0.0.1:8081]] [--clients 16]
 *     [--seconds 20] [--warmup 5] [--persons 2000] [--idempotency-keys true]
 *     [--token-file data/admin.token | --token gj_...]
 * </pre>
 *
 * The token is an ADMIN's (the server's {@code admin.token}): it registers the persons and the
 * institution, credits them and creates an INSTITUTION client of the institution, whose token then
 * sends every measured request (ping and settlements).
 */
public final class LoadGenerator {

    record Options(List<URI> urls, int clients, int seconds, int warmup, int persons, boolean idempotencyKeys, String token,
            Path tokenFile) {
        static Options parse(String[] args) {
            List<URI> urls = List.of(URI.create("http://127.0.0.1:8080"));
            int clients = 16;
            int seconds = 20;
            int warmup = 5;
            int persons = 2000;
            boolean idempotencyKeys = true;
            String token = null;
            Path tokenFile = Path.of(System.getenv().getOrDefault("GONGJI_DATA", "data"), "admin.token");
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--url" -> urls = Arrays.stream(args[i + 1].split(",")).map(URI::create).toList();
                    case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                    case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                    case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                    case "--persons" -> persons = Integer.parseInt(args[i + 1]);
                    case "--idempotency-keys" -> idempotencyKeys = Boolean.parseBoolean(args[i + 1]);
                    case "--token" -> token = args[i + 1];
                    case "--token-file" -> tokenFile = Path.of(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(urls, clients, seconds, warmup, persons, idempotencyKeys, token, tokenFile);
        }

        /** The node that registers the persons; with several URLs, client c sends to URL c modulo their number. */
        URI url() {
            return urls.get(0);
        }
    }

    /** What one phase measured. */
    record Result(String name, long ok, long failed, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(i, latenciesNanos.length - 1))] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-24s %9.0f/s  p50 %7.2f ms  p99 %7.2f ms  (%d ok, %d failed, %.1f s)",
                    name, perSecond(), percentileMillis(50), percentileMillis(99), ok, failed, seconds);
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /** --token, else read from --token-file once the server has written it */
    private volatile String token;

    LoadGenerator(Options options) {
        this.options = options;
        this.token = options.token();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadGenerator generator = new LoadGenerator(options);
        System.out.printf(Locale.ROOT, "target %s, %d clients, %d s measured after %d s warm-up, %d persons, %s, %d cores%n",
                String.join(",", options.urls().stream().map(URI::toString).toList()), options.clients(), options.seconds(), options.warmup(), options.persons(),
                options.idempotencyKeys() ? "settlements with an Idempotency-Key" : "settlements without Idempotency-Key",
                Runtime.getRuntime().availableProcessors());
        generator.setUp();
        Result ping = generator.measure("GET /api/v1/ping", generator::ping, 200);
        Result settle = generator.measure("POST /api/v1/settlements", generator::settlement, 201);
        System.out.println(ping.line());
        System.out.println(settle.line());
    }

    /** One tertiary hospital and {@code persons} employed persons of Jiaozuo, credited for one month. */
    void setUp() throws Exception {
        awaitServer();
        expect(send(put("/api/v1/institutions/LG-H1",
                "{\"name\":\"load\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}")), 200);
        for (int p = 0; p < options.persons(); p++) {
            expect(send(put("/api/v1/persons/" + person(p), "{\"name\":\"load\",\"birthDate\":\"1980-01-01\","
                    + "\"category\":\"EMPLOYED\",\"region\":\"410800\",\"monthlyContributionBase\":6000.00}")), 200);
        }
        expect(send(post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2024-01\"}")), 200);
        // settle as the hospital's own client, as its HIS would: the check an INSTITUTION token costs
        HttpResponse<String> his = send(post("/api/v1/clients",
                "{\"name\":\"load generator " + run + "\",\"role\":\"INSTITUTION\",\"institutionId\":\"LG-H1\"}"));
        expect(his, 201);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(his.body());
        if (!token.find()) {
            throw new IllegalStateException("no token in " + his.body());
        }
        this.token = token.group(1);
    }

    private void awaitServer() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                if (token == null) {
                    token = Files.readString(options.tokenFile()).strip(); // the server writes it on its first start
                }
                int status = http.send(ping(options.url()), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                if (status == 401) {
                    throw new IllegalStateException("the server refuses the token (401): give another --token or --token-file");
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(token == null ? "no token: give --token, or --token-file with the"
                            + " server's admin.token (" + options.tokenFile().toAbsolutePath() + " is not readable)"
                            : "no server answers at " + options.url(), notYet);
                }
            }
            Thread.sleep(500);
        }
    }

    private String person(int p) {
        return "LG-" + run + "-" + p;
    }

    HttpRequest ping(URI node) {
        return authorized(HttpRequest.newBuilder(node.resolve("/api/v1/ping"))).GET().build();
    }

    /**
     * A general-outpatient visit of a random person: 2 fee lines, class A and class B. Sent as an
     * integrator should (API.md), with an {@code Idempotency-Key} of its own, a random UUID.
     */
    HttpRequest settlement(URI node) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = "{\"personId\":\"" + person(r.nextInt(options.persons())) + "\",\"institutionId\":\"LG-H1\","
                + "\"date\":\"2024-03-" + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(28)) + "\","
                + "\"medType\":\"GENERAL_OUTPATIENT\",\"lines\":["
                + "{\"code\":\"A1\",\"name\":\"诊查\",\"catalogueClass\":\"A\",\"amount\":" + (20 + r.nextInt(200)) + ".50},"
                + "{\"code\":\"B1\",\"name\":\"药品\",\"catalogueClass\":\"B\",\"amount\":" + (10 + r.nextInt(300))
                + ".00,\"preSelfPayRatio\":0.1}]}";
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(node.resolve("/api/v1/settlements")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (options.idempotencyKeys()) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return request.build();
    }

    Result measure(String name, Function<URI, HttpRequest> requests, int expectedStatus) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        List<long[]> perClient = new ArrayList<>();
        long[] ok = new long[options.clients()];
        long[] failed = new long[options.clients()];
        int[] counts = new int[options.clients()];
        CountDownLatch done = new CountDownLatch(options.clients());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            long[] latencies = new long[1 << 20];
            perClient.add(latencies);
            int client = c;
            URI node = options.urls().get(c % options.urls().size());
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    HttpRequest request = requests.apply(node);
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        break;
                    }
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                        if (status == expectedStatus) {
                            ok[client]++;
                            if (counts[client] < latencies.length) {
                                latencies[counts[client]++] = took;
                            }
                        } else {
                            failed[client]++;
                        }
                    }
                }
                done.countDown();
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        Thread.sleep(options.warmup() * 1000L);
        measuring.set(true);
        long begin = System.nanoTime();
        Thread.sleep(options.seconds() * 1000L);
        measuring.set(false);
        double seconds = (System.nanoTime() - begin) / 1e9;
        stop.set(true);
        done.await();
        long total = 0;
        long totalFailed = 0;
        int n = 0;
        for (int c = 0; c < options.clients(); c++) {
            total += ok[c];
            totalFailed += failed[c];
            n += counts[c];
        }
        long[] all = new long[n];
        int at = 0;
        for (int c = 0; c < options.clients(); c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, total, totalFailed, seconds, all);
    }

    /** Every request carries the bearer token. */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private HttpRequest put(String path, String json) {
        return authorized(HttpRequest.newBuilder(options.url().resolve(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest post(String path, String json) {
        return authorized(HttpRequest.newBuilder(options.url().resolve(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
