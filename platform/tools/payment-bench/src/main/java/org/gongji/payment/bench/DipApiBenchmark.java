package org.gongji.payment.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.payment.DipCatalogue;
import org.gongji.rest.GongjiServer;
import org.gongji.rules.StandardRegion;
import org.gongji.store.ClientDirectory;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;

/**
 * The DIP year-end through the API: {@code POST /api/v1/provider-payments} with the synthetic
 * catalogue and a million-case list in the body, over embedded Derby (full durability) on a
 * local port; then the same request again, which returns the stored run. Argument: number of cases.
 */
public final class DipApiBenchmark {

    private DipApiBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SyntheticYear year = new SyntheticYear(42);
        DipCatalogue catalogue = year.catalogue();
        Map<String, Institution> institutions = SyntheticYear.institutions();
        StringWriter catalogueCsv = new StringWriter();
        SyntheticYear.writeCatalogue(catalogueCsv, catalogue);
        StringWriter casesCsv = new StringWriter(cases * 60);
        Money budget = year.writeCases(casesCsv, cases, catalogue, SyntheticYear.ids(institutions));
        String body = "{\"region\":\"" + SyntheticYear.CODE + "\",\"method\":\"DIP\",\"period\":\"" + SyntheticYear.YEAR
                + "\",\"budget\":" + budget + ",\"catalogue\":\"" + jsonLines(catalogueCsv) + "\",\"cases\":\""
                + jsonLines(casesCsv) + "\"}";
        casesCsv = null;

        Path dir = Files.createTempDirectory("gongji-dip-api-");
        MapRegionRegistry regions = new MapRegionRegistry(new StandardRegion(SyntheticYear.table()));
        try (OpenStore store = Stores.open(StoreConfig.derby(dir.resolve("data")), regions);
                GongjiServer server = GongjiServer.start(store, regions, "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            // the first start on the empty data folder wrote the administrator's token there
            String token = Files.readString(dir.resolve("data").resolve(ClientDirectory.ADMIN_TOKEN_FILE)).strip();
            for (Institution i : institutions.values()) {
                send(http, token, HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/institutions/" + i.id()))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + i.name() + "\",\"region\":\"" + i.region()
                                + "\",\"level\":\"" + i.level() + "\"}")), 200);
            }
            System.out.printf("DIP year-end through the API: %,d cases, body %,d MB, %d institutions, budget %s; %d cores%n",
                    cases, body.length() >> 20, institutions.size(), budget, Runtime.getRuntime().availableProcessors());
            URI runs = server.baseUri().resolve("/api/v1/provider-payments");
            for (String attempt : new String[] {"first run", "same again"}) {
                long start = System.nanoTime();
                HttpResponse<String> r = send(http, token, HttpRequest.newBuilder(runs).POST(HttpRequest.BodyPublishers.ofString(body)),
                        attempt.equals("first run") ? 201 : 200);
                long nanos = System.nanoTime() - start;
                if (!r.body().contains("\"total\":" + budget + ",")) {
                    throw new IllegalStateException("the run did not pay the budget " + budget);
                }
                System.out.printf("%-10s HTTP %d in %6.2f s (paid %s = budget)%n", attempt, r.statusCode(), nanos / 1e9, budget);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The CSV has no quotes or backslashes: only its line breaks need escaping inside a JSON string. */
    private static String jsonLines(StringWriter csv) {
        return csv.toString().replace("\n", "\\n");
    }

    private static HttpResponse<String> send(HttpClient http, String token, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
