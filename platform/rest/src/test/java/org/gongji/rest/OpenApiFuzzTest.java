package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rules.StandardRegion;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;

/**
 * The schema-driven fuzzer: requests generated from the served OpenAPI document for every
 * operation (valid bodies, parameters and headers, and the same with one thing broken: a null, a
 * wrong type, a number out of range, a long or odd string, a date-time for a date, an extra or a
 * missing field, no JSON at all; a wrong media type or {@code Accept}; a method the path does not
 * have), as ADMIN, without a token and with a bad one. Every answer must be one the document
 * describes (status declared, media type, body valid by its schema, code among the status's
 * codes; a 405 names the methods in {@code Allow}), no answer is a 5xx, and no error detail names
 * a Java class or a library's method.
 */
class OpenApiFuzzTest {

    /**
     * What an error's title or detail must never show (possessive and anchored at a word's start: a
     * detail that quotes 100,000 characters of the request must not take minutes to check).
     */
    private static final Pattern INTERNALS = Pattern.compile(TransportTest.JAVA.pattern() + "|\\b\\w++\\.\\w++\\(\\)|Constraints");
    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path data;
    private static OpenStore store;
    private static GongjiServer server;
    private static String adminToken;
    private static OpenApiContract contract;
    private static SchemaArbitraries schemas;
    private static String jiaozuoTable;

    /** One operation of the document: its verb, path template and the parts a request fills. */
    record Operation(String method, String template, JsonNode op) {
        String name() {
            return method + " " + template;
        }

        Stream<JsonNode> parameters(String in) {
            List<JsonNode> ps = new ArrayList<>();
            op.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals(in)) {
                    ps.add(p);
                }
            });
            return ps.stream();
        }
    }

    enum Token { ADMIN, NONE, BAD }

    /** A request as sent, and the name it is counted under. */
    record Call(String label, String method, String path, String query, Map<String, String> headers, String contentType,
            String body, Token token, String accept) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + ")" : body;
            String target = path + query;
            target = target.length() > 300 ? target.substring(0, 300) + "...(" + target.length() + ")" : target;
            return method + " " + target + " token=" + token + " accept=" + accept + " type=" + contentType
                    + " headers=" + headers.keySet() + " body=" + shown;
        }
    }

    @BeforeContainer
    static void start() throws IOException {
        data = Files.createTempDirectory("gongji-fuzz");
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(data.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        ApiClient admin = ApiClient.admin(store, server.baseUri());
        adminToken = admin.token();
        contract = admin.contract();
        try (InputStream in = OpenApiFuzzTest.class.getClassLoader().getResourceAsStream("rules/410800-jiaozuo.txt")) {
            jiaozuoTable = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(admin.put("/api/v1/institutions/H1",
                "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}").status())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/persons/P1", """
                {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","monthlyContributionBase":6000.00,
                 "family":[{"personId":"P2","relation":"PARENT"}]}""").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/persons/P2", """
                {"name":"李四","birthDate":"1950-05-01","category":"RETIRED","region":"410800","retirementDate":"2010-05-01"}""")
                .status()).isEqualTo(200);
        admin.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":\"2024-01\"}");
        String settlement = admin.post("/api/v1/settlements", """
                {"personId":"P1","institutionId":"H1","date":"2024-03-05","medType":"GENERAL_OUTPATIENT",
                 "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":300.00}]}""").json().path("settlementId").asText();
        Map<String, List<String>> known = new LinkedHashMap<>();
        known.put("personId", List.of("P1", "P2"));
        known.put("beneficiaryPersonId", List.of("P2", "P1"));
        known.put("institutionId", List.of("H1"));
        known.put("familyDoctorInstitutionId", List.of("H1"));
        known.put("region", List.of("410800"));
        known.put("rulesRegion", List.of("410800"));
        known.put("code", List.of("410800"));
        known.put("settlementId", List.of(settlement));
        schemas = new SchemaArbitraries(contract.document(), known);
    }

    @AfterContainer
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // no edge cases: jqwik would draw them from the first operation only, and the mutations bring the edges
    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void everyAnswerIsOneTheDocumentDescribes(@ForAll("requests") Call call) throws Exception {
        Statistics.collect(call.label());
        HttpResponse<String> r = send(call);

        List<String> wrong = new ArrayList<>(contract.violations(call.method(), URI.create(r.uri().toString()).getRawPath(),
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                r.headers().firstValue("Allow").orElse(null), r.body()));
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            JsonNode problem = MAPPER.readTree(r.body());
            if (problem.path("detail").asText().length() > 1_000) {
                wrong.add("the detail quotes the request at length (" + problem.path("detail").asText().length() + " characters)");
            }
            for (String field : List.of("title", "detail")) {
                if (INTERNALS.matcher(problem.path(field).asText()).find()) {
                    wrong.add("the " + field + " names the server's internals: " + problem.path(field).asText());
                }
            }
        }
        assertThat(wrong).as("%s answered %d %s", call, r.statusCode(), abbreviate(r.body())).isEmpty();
        Statistics.coverage(c -> operations().forEach(op -> c.check(op.name()).count(n -> n > 0)));
    }

    private static HttpResponse<String> send(Call call) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(call.path() + call.query()))
                .timeout(Duration.ofSeconds(60)).method(call.method(), body);
        call.headers().forEach(b::header);
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
        }
        if (call.accept() != null) {
            b.header("Accept", call.accept());
        }
        switch (call.token()) {
            case ADMIN -> b.header("Authorization", "Bearer " + adminToken);
            case BAD -> b.header("Authorization", "Bearer not-a-token");
            case NONE -> {
            }
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        for (String op : contract.operations()) {
            String[] parts = op.split(" ", 2);
            ops.add(new Operation(parts[0], parts[1],
                    contract.document().path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT))));
        }
        return ops;
    }

    @Provide
    @SuppressWarnings({"unchecked", "rawtypes"})
    Arbitrary<Call> requests() {
        List<Tuple.Tuple2<Integer, Arbitrary<? extends Call>>> all = new ArrayList<>();
        for (Operation op : operations()) {
            all.add(Tuple.of(4, callsOf(op)));
        }
        all.add(Tuple.of(8, wrongMethods()));
        return Arbitraries.frequencyOf(all.toArray(Tuple.Tuple2[]::new));
    }

    private Arbitrary<Call> callsOf(Operation op) {
        Arbitrary<String> path = path(op, true);
        Arbitrary<String> query = query(op);
        Arbitrary<Map<String, String>> headers = headers(op);
        Arbitrary<Tuple.Tuple2<String, String>> body = body(op);
        Arbitrary<Token> token = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Token.ADMIN)),
                Tuple.of(1, Arbitraries.just(Token.NONE)), Tuple.of(1, Arbitraries.just(Token.BAD)));
        Arbitrary<String> accept = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json, application/problem+json")),
                Tuple.of(2, Arbitraries.just("*/*")), Tuple.of(1, Arbitraries.just("application/xml")));
        return Combinators.combine(path, query, headers, body, token, accept).as((p, q, h, bd, t, a) ->
                new Call(op.name(), op.method(), p, q, h, bd.get1(), bd.get2(), t, a));
    }

    /** Every path with a method it does not have (and {@code GET} on the preview, which once was a 404). */
    private Arbitrary<Call> wrongMethods() {
        Map<String, List<String>> has = new LinkedHashMap<>();
        for (Operation op : operations()) {
            has.computeIfAbsent(op.template(), t -> new ArrayList<>()).add(op.method());
        }
        List<Arbitrary<Call>> calls = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : has.entrySet()) {
            Operation any = operations().stream().filter(o -> o.template().equals(e.getKey())).findFirst().orElseThrow();
            for (String method : METHODS) {
                if (!e.getValue().contains(method)) {
                    String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
                    calls.add(path(any, false).map(p -> new Call("wrong method", method, p, "", Map.of(),
                            body == null ? null : "application/json", body, Token.ADMIN, "application/json")));
                }
            }
        }
        return Arbitraries.oneOf(calls);
    }

    /** The operation's path with its variables filled, {@code odd}: also with long, odd or badly encoded values. */
    private Arbitrary<String> path(Operation op, boolean odd) {
        List<JsonNode> params = op.parameters("path").toList();
        if (params.isEmpty()) {
            return Arbitraries.just(op.template());
        }
        List<Arbitrary<String>> values = params.stream().map(p -> segment(p, odd)).toList();
        return Combinators.combine(values).as(vs -> {
            String path = op.template();
            for (int i = 0; i < params.size(); i++) {
                path = path.replace("{" + params.get(i).path("name").asText() + "}", vs.get(i));
            }
            return path;
        });
    }

    /** A path segment, percent-encoded: valid by the schema, or long, odd or badly encoded. */
    private Arbitrary<String> segment(JsonNode param, boolean broken) {
        String name = param.path("name").asText();
        Arbitrary<String> valid = schemas.string(schemas.resolve(param.path("schema")), name).map(OpenApiFuzzTest::encode);
        Arbitrary<String> odd = Arbitraries.of(Mutation.ODD_TEXT).filter(s -> !s.isEmpty()).map(OpenApiFuzzTest::encode);
        Arbitrary<String> raw = Arbitraries.of("%00", "%2F", "..", "%2e%2e", "a%20b", "%C0%AF", "x".repeat(300), "%E4%B8");
        return broken ? Arbitraries.frequencyOf(Tuple.of(8, valid), Tuple.of(1, odd), Tuple.of(1, raw)) : valid;
    }

    private Arbitrary<String> query(Operation op) {
        List<JsonNode> params = op.parameters("query").toList();
        if (params.isEmpty()) {
            return Arbitraries.just("");
        }
        List<Arbitrary<Optional<String>>> values = new ArrayList<>();
        for (JsonNode p : params) {
            String name = p.path("name").asText();
            JsonNode schema = schemas.resolve(p.path("schema"));
            Arbitrary<Optional<String>> valid = schemas.valueOf(schema, name)
                    .map(v -> Optional.of(name + "=" + URLEncoder.encode(v.asText(), StandardCharsets.UTF_8)));
            Arbitrary<Optional<String>> broken = Arbitraries.of(Stream.of(Mutation.NOT_DATES, Mutation.ODD_TEXT,
                    List.of("-1", "0", "abc", "99999999999999999999", "1.5", "x".repeat(5_000)))
                    .flatMap(List::stream).toList())
                    .map(v -> Optional.of(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            values.add(Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Optional.<String>empty())), Tuple.of(6, valid),
                    Tuple.of(2, broken)));
        }
        return Combinators.combine(values).as(vs -> {
            String q = String.join("&", vs.stream().flatMap(Optional::stream).toList());
            return q.isEmpty() ? "" : "?" + q;
        });
    }

    private Arbitrary<Map<String, String>> headers(Operation op) {
        List<JsonNode> params = op.parameters("header").toList();
        if (params.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        List<Arbitrary<Optional<String>>> values = new ArrayList<>();
        for (JsonNode p : params) {
            String name = p.path("name").asText();
            Arbitrary<String> valid = switch (name) {
                case "Prefer" -> Arbitraries.of("respond-async", "return=minimal");
                case "X-Actor" -> Arbitraries.of("window-3 wang", "clerk-1");
                default -> Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(40);
            };
            Arbitrary<String> broken = Arbitraries.of("", " ", "x".repeat(201), "y".repeat(300), "z".repeat(4_000), "a\tb", "x;y=\"z\"");
            values.add(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Optional.<String>empty())),
                    Tuple.of(5, valid.map(Optional::of)), Tuple.of(2, broken.map(Optional::of))));
        }
        return Combinators.combine(values).as(vs -> {
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 0; i < params.size(); i++) {
                String name = params.get(i).path("name").asText();
                vs.get(i).ifPresent(v -> h.put(name, v));
            }
            return h;
        });
    }

    /** The body and its media type (both null where the operation takes none). */
    private Arbitrary<Tuple.Tuple2<String, String>> body(Operation op) {
        JsonNode content = op.op().path("requestBody").path("content");
        Arbitrary<Mutation> mutation = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(Mutation.NONE)),
                Tuple.of(9, Arbitraries.of(Mutation.values())));
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
        Arbitrary<Integer> variant = Arbitraries.integers().between(0, 1_000);
        Arbitrary<String> wrongType = Arbitraries.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                "multipart/form-data; boundary=x");
        if (content.isMissingNode() || content.isEmpty()) {
            if (op.method().equals("GET") || op.method().equals("DELETE")) {
                return Arbitraries.just(Tuple.<String, String>of(null, null));
            }
            return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Tuple.<String, String>of(null, null))),
                    Tuple.of(1, Arbitraries.of(Mutation.NOT_OBJECTS).map(b -> Tuple.of("application/json", b))));
        }
        if (content.has("application/json") && !content.path("application/json").path("schema").path("type").asText().equals("string")) {
            Arbitrary<JsonNode> valid = schemas.valueOf(content.path("application/json").path("schema"), "");
            Arbitrary<String> json = Combinators.combine(valid, mutation, pick, variant).as((v, m, p, x) -> m.apply(v, p, x));
            return Arbitraries.frequencyOf(Tuple.of(12, json.map(b -> Tuple.of("application/json", b))),
                    Tuple.of(1, Combinators.combine(wrongType, json).as(Tuple::of)),
                    Tuple.of(1, json.map(b -> Tuple.of(null, b))));
        }
        if (content.has("application/x-ndjson")) {
            String schema = op.template().contains("institutions") ? "InstitutionBody" : "PersonBody";
            String idField = op.template().contains("institutions") ? "institutionId" : "personId";
            Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
            Arbitrary<JsonNode> line = Combinators.combine(schemas.valueOf(contract.document().at("/components/schemas/" + schema), ""), id)
                    .as((v, i) -> {
                        ObjectNode o = ((ObjectNode) v).deepCopy();
                        o.put(idField, i);
                        return (JsonNode) o;
                    });
            Arbitrary<String> mutated = Combinators.combine(line, mutation, pick, variant).as((v, m, p, x) -> m.apply(v, p, x));
            return mutated.list().ofMinSize(1).ofMaxSize(4).map(ls -> Tuple.of("application/x-ndjson", String.join("\n", ls)));
        }
        // a filing check: a region's table as text
        Arbitrary<String> table = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(jiaozuoTable)),
                Tuple.of(3, Arbitraries.integers().between(0, 400).flatMap(n -> Arbitraries.of(Mutation.ODD_TEXT)
                        .map(odd -> brokenTable(n, odd)))),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)));
        String media = content.has("text/plain") ? "text/plain" : content.fieldNames().next();
        return Arbitraries.frequencyOf(Tuple.of(8, table.map(t -> Tuple.of(media, t))),
                Tuple.of(1, table.map(t -> Tuple.of("application/json", jsonString(t)))),
                Tuple.of(1, Combinators.combine(wrongType, table).as(Tuple::of)));
    }

    /** Jiaozuo's table with one line replaced by odd text (a key or a value made wrong). */
    private static String brokenTable(int n, String odd) {
        List<String> lines = new ArrayList<>(jiaozuoTable.lines().toList());
        int at = n % lines.size();
        String line = lines.get(at);
        lines.set(at, n % 2 == 0 ? line.replaceFirst("\\.", odd) : line.replaceFirst("\\|[^|]*", "| " + odd + " "));
        return String.join("\n", lines);
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "...(" + s.length() + ")" : s;
    }

    private static String jsonString(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 percent-encoding of a path segment (UTF-8, unreserved characters kept). */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
