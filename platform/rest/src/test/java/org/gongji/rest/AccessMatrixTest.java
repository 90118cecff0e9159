package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.rest.internal.Access;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.store.IssuedClient;
import org.gongji.store.NewClient;
import org.gongji.store.OpenStore;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.gongji.store.WriteContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access matrix over real HTTP, cell by cell: every operation × every kind of caller. A cell
 * marked {@code ok} must answer its success status; {@code 403} must be refused with
 * {@code FORBIDDEN}; without a token or with a revoked one every operation is {@code 401}. After
 * every refusal the person's accumulators, balance and ledger, the institution, the operation's own
 * target and every table's row count are as before, and the refused call's idempotency key is not
 * stored. The expectations are written here, not read from {@link Access}: the test holds the
 * matrix of README "Access" against what the server does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** The kinds of caller: the region is 焦作市 410800, the institution H1 (H2 is another in the same city). */
    enum Who {
        ADMIN, BUREAU, PROVINCE_BUREAU, OTHER_BUREAU, AUDITOR, OTHER_AUDITOR, OWN_INSTITUTION, OTHER_INSTITUTION,
        NO_TOKEN, REVOKED_TOKEN
    }

    static final String Y = "ok";
    static final String N = "403";

    /**
     * The expected matrix. Columns: ADMIN, BUREAU of 410800, BUREAU of the province 410000, BUREAU of
     * 370100, AUDITOR of 410800, AUDITOR of 370100, INSTITUTION H1 (own), INSTITUTION H2 (other).
     */
    static final Map<Operation, String[]> EXPECTED = new EnumMap<>(Operation.class);

    static void row(Operation op, String... cells) {
        EXPECTED.put(op, cells);
    }

    static {
        //                                    ADMIN BUREAU PROV OTHER AUDIT OTHER-AUD H1 H2
        row(Operation.PING,                      Y, Y, Y, Y, Y, Y, Y, Y);
        row(Operation.LIST_REGIONS,              Y, Y, Y, Y, Y, Y, Y, Y);
        row(Operation.READ_RULES,                Y, Y, Y, Y, Y, Y, Y, Y);
        row(Operation.READ_CHRONIC_CATALOGUE,    Y, Y, Y, Y, Y, Y, Y, Y);
        row(Operation.READ_PARAMETERS,           Y, Y, Y, Y, Y, Y, Y, Y);
        row(Operation.PUT_PERSON,                Y, Y, Y, N, N, N, N, N);
        row(Operation.READ_PERSON,               Y, Y, Y, N, Y, N, Y, N);
        row(Operation.READ_ACCUMULATORS,         Y, Y, Y, N, Y, N, N, N);
        row(Operation.READ_ACCOUNT,              Y, Y, Y, N, Y, N, N, N);
        row(Operation.PUT_INSTITUTION,           Y, Y, Y, N, N, N, N, N);
        // an import answers 200 to another region's bureau with each of its lines refused FORBIDDEN, writing nothing
        row(Operation.IMPORT_PERSONS,            Y, Y, Y, Y, N, N, N, N);
        row(Operation.IMPORT_INSTITUTIONS,       Y, Y, Y, Y, N, N, N, N);
        row(Operation.READ_INSTITUTION,          Y, Y, Y, N, Y, N, Y, N);
        row(Operation.PREVIEW,                   Y, N, N, N, N, N, Y, N);
        row(Operation.SETTLE,                    Y, N, N, N, N, N, Y, N);
        row(Operation.READ_SETTLEMENT,           Y, Y, Y, N, Y, N, Y, N);
        row(Operation.REVERSE,                   Y, N, N, N, N, N, Y, N);
        row(Operation.CREDIT_ACCOUNTS,           Y, Y, Y, N, N, N, N, N);
        row(Operation.FAMILY_PAYMENT,            Y, Y, Y, N, N, N, N, N);
        row(Operation.RUN_PROVIDER_PAYMENT,      Y, Y, Y, N, N, N, N, N);
        row(Operation.CONFIRM_PROVIDER_PAYMENT,  Y, Y, Y, N, N, N, N, N);
        row(Operation.REVOKE_PROVIDER_PAYMENT,   Y, Y, Y, N, N, N, N, N);
        row(Operation.READ_PROVIDER_PAYMENT,     Y, Y, Y, N, Y, N, N, N);
        row(Operation.READ_JOB,                  Y, Y, Y, N, Y, N, N, N);
        row(Operation.RUN_SIMULATION,            Y, Y, Y, N, N, N, N, N);
        row(Operation.READ_SIMULATION,           Y, Y, Y, N, Y, N, N, N);
        row(Operation.FILING_CHECK,              Y, Y, Y, Y, Y, Y, N, N);
        row(Operation.CREATE_CLIENT,             Y, N, N, N, N, N, N, N);
        row(Operation.LIST_CLIENTS,              Y, N, N, N, N, N, N, N);
        row(Operation.READ_CLIENT,               Y, N, N, N, N, N, N, N);
        row(Operation.REVOKE_CLIENT,             Y, N, N, N, N, N, N, N);
        row(Operation.READ_AUDIT,                Y, N, N, N, Y, Y, N, N);
        row(Operation.READ_METRICS,              Y, N, N, N, Y, Y, N, N);
        row(Operation.BACK_UP,                   Y, N, N, N, N, N, N, N);
    }

    /** One request of a cell, and the status it answers when allowed. */
    record Call(String method, String path, String body, int success, String watch) {
        static Call get(String path) {
            return new Call("GET", path, null, 200, null);
        }

        Call watching(String adminPath) {
            return new Call(method, path, body, success, adminPath);
        }
    }

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient admin;
    final Map<Who, ApiClient> callers = new EnumMap<>(Who.class);
    String firstSettlement;
    String paymentRun;
    String job;
    String someClient;
    String simulation;
    int month;
    int period;
    int cell;

    static final String PERSON = """
            {"name":"%s","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800",
             "monthlyContributionBase":6000.00,"chronicDiseases":[],"family":[{"personId":"C1","relation":"CHILD"}]}""";
    static final String INSTITUTION = "{\"name\":\"%s\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}";

    static String visit(String amount) {
        return """
                {"personId":"P1","institutionId":"H1","date":"2024-03-05","medType":"GENERAL_OUTPATIENT",
                 "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":%s}]}""".formatted(amount);
    }

    @BeforeAll
    void start() throws Exception {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        URI uri = server.baseUri();
        admin = ApiClient.admin(store, uri);
        ok(admin.put("/api/v1/institutions/H1", INSTITUTION.formatted("焦作市人民医院")), 200);
        ok(admin.put("/api/v1/institutions/H2", INSTITUTION.formatted("焦作市第二人民医院")), 200);
        ok(admin.put("/api/v1/persons/C1", """
                {"name":"子女","birthDate":"2010-05-01","category":"EMPLOYED","region":"410800"}"""), 200);
        ok(admin.put("/api/v1/persons/P1", PERSON.formatted("张三")), 200);
        Reply credit = admin.send(HttpRequest.newBuilder(uri.resolve("/api/v1/account-credits"))
                .header("Content-Type", "application/json").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"410800\",\"month\":\"2024-01\"}")));
        ok(credit, 202);
        job = credit.location().substring(credit.location().lastIndexOf('/') + 1);
        awaitJob(job);
        // H1 has settled for P1 (an institution reads the persons it settled for)
        firstSettlement = ok(admin.post("/api/v1/settlements", visit("20.00")), 201).json().path("settlementId").asText();
        paymentRun = ok(admin.post("/api/v1/provider-payments",
                "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2022-12\"}"), 201).json().path("runId").asText();
        simulation = ok(admin.post("/api/v1/simulations", "{\"region\":\"410800\",\"year\":2024,\"changes\":[]}"), 201)
                .json().path("simulationId").asText();
        someClient = store.clients().create(NewClient.of("some bureau", Role.BUREAU, "410800", null), WriteContext.by("test"))
                .client().clientId();

        callers.put(Who.ADMIN, admin);
        callers.put(Who.BUREAU, ApiClient.as(store, Role.BUREAU, "410800", null, uri));
        callers.put(Who.PROVINCE_BUREAU, ApiClient.as(store, Role.BUREAU, "410000", null, uri));
        callers.put(Who.OTHER_BUREAU, ApiClient.as(store, Role.BUREAU, "370100", null, uri));
        callers.put(Who.AUDITOR, ApiClient.as(store, Role.AUDITOR, "410800", null, uri));
        callers.put(Who.OTHER_AUDITOR, ApiClient.as(store, Role.AUDITOR, "370100", null, uri));
        callers.put(Who.OWN_INSTITUTION, ApiClient.as(store, Role.INSTITUTION, null, "H1", uri));
        callers.put(Who.OTHER_INSTITUTION, ApiClient.as(store, Role.INSTITUTION, null, "H2", uri));
        callers.put(Who.NO_TOKEN, ApiClient.anonymous(uri));
        IssuedClient revoked = store.clients().create(NewClient.of("revoked", Role.BUREAU, "410800", null),
                WriteContext.by("test"));
        store.clients().revoke(revoked.client().clientId(), WriteContext.by("test"));
        callers.put(Who.REVOKED_TOKEN, admin.withToken(revoked.token()));
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    /** The request of the operation for one cell; writes get a fresh target where a second success would differ. */
    Call call(Operation op, Who who) {
        return switch (op) {
            case PING -> Call.get("/api/v1/ping");
            case LIST_REGIONS -> Call.get("/api/v1/regions");
            case READ_RULES -> Call.get("/api/v1/regions/410800/rules?date=2024-01-01");
            case READ_CHRONIC_CATALOGUE -> Call.get("/api/v1/regions/410800/chronic-diseases?date=2024-01-01");
            case READ_PARAMETERS -> Call.get("/api/v1/parameters");
            case PUT_PERSON -> new Call("PUT", "/api/v1/persons/P1", PERSON.formatted("张三 " + who), 200, null);
            case READ_PERSON -> Call.get("/api/v1/persons/P1");
            case READ_ACCUMULATORS -> Call.get("/api/v1/persons/P1/accumulators?year=2024");
            case READ_ACCOUNT -> Call.get("/api/v1/persons/P1/account");
            case PUT_INSTITUTION -> new Call("PUT", "/api/v1/institutions/H1", INSTITUTION.formatted("医院 " + who), 200, null);
            case READ_INSTITUTION -> Call.get("/api/v1/institutions/H1");
            case IMPORT_PERSONS -> new Call("POST", "/api/v1/persons/import", "{\"personId\":\"IMP-" + who + "\","
                    + "\"birthDate\":\"1970-01-01\",\"category\":\"EMPLOYED\",\"region\":\"410800\"}", 200, null);
            case IMPORT_INSTITUTIONS -> new Call("POST", "/api/v1/institutions/import", "{\"institutionId\":\"IMP-" + who
                    + "\",\"name\":\"x\",\"region\":\"410800\",\"level\":\"PRIMARY\"}", 200, null);
            case PREVIEW -> new Call("POST", "/api/v1/settlements/preview", visit("10.00"), 200, null);
            case SETTLE -> new Call("POST", "/api/v1/settlements", visit("10.00"), 201, null);
            case READ_SETTLEMENT -> Call.get("/api/v1/settlements/" + firstSettlement);
            case REVERSE -> {
                String id = ok(admin.post("/api/v1/settlements", visit("5.00")), 201).json().path("settlementId").asText();
                yield new Call("POST", "/api/v1/settlements/" + id + "/reversal", "", 200, null)
                        .watching("/api/v1/settlements/" + id);
            }
            case CREDIT_ACCOUNTS -> new Call("POST", "/api/v1/account-credits",
                    "{\"region\":\"410800\",\"month\":\"%s\"}".formatted(YearMonth.of(2024, 2).plusMonths(month++)),
                    200, null);
            case FAMILY_PAYMENT -> new Call("POST", "/api/v1/persons/P1/account/payments",
                    "{\"beneficiaryPersonId\":\"C1\",\"purpose\":\"RESIDENT_INSURANCE_PREMIUM\",\"amount\":1.00}", 201, null);
            case RUN_PROVIDER_PAYMENT -> new Call("POST", "/api/v1/provider-payments",
                    "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"%s\"}".formatted(period()), 201, null);
            case CONFIRM_PROVIDER_PAYMENT -> {
                String run = draftRun();
                yield new Call("POST", "/api/v1/provider-payments/" + run + "/confirmation", "", 200, null)
                        .watching("/api/v1/provider-payments/" + run);
            }
            case REVOKE_PROVIDER_PAYMENT -> {
                String run = draftRun();
                ok(admin.post("/api/v1/provider-payments/" + run + "/confirmation", ""), 200);
                yield new Call("POST", "/api/v1/provider-payments/" + run + "/revocation", "", 200, null)
                        .watching("/api/v1/provider-payments/" + run);
            }
            case READ_PROVIDER_PAYMENT -> Call.get("/api/v1/provider-payments/" + paymentRun);
            case READ_JOB -> Call.get("/api/v1/jobs/" + job);
            case RUN_SIMULATION -> new Call("POST", "/api/v1/simulations",
                    "{\"region\":\"410800\",\"year\":2024,\"changes\":[]}", 201, null);
            case READ_SIMULATION -> Call.get("/api/v1/simulations/" + simulation);
            case FILING_CHECK -> new Call("POST", "/api/v1/filing-checks", "region.code | 410800 | 2024-01-01 | draft |", 200, null);
            case CREATE_CLIENT -> new Call("POST", "/api/v1/clients",
                    "{\"name\":\"new bureau\",\"role\":\"BUREAU\",\"region\":\"410800\"}", 201, null);
            case LIST_CLIENTS -> Call.get("/api/v1/clients");
            case READ_CLIENT -> Call.get("/api/v1/clients/" + someClient);
            case REVOKE_CLIENT -> {
                String id = store.clients().create(NewClient.of("to revoke", Role.AUDITOR, "410800", null),
                        WriteContext.by("test")).client().clientId();
                yield new Call("DELETE", "/api/v1/clients/" + id, null, 200, "/api/v1/clients/" + id);
            }
            case READ_AUDIT -> Call.get("/api/v1/audit?limit=5");
            case READ_METRICS -> Call.get("/metrics");
            case BACK_UP -> new Call("POST", "/api/v1/backups", "{}", 200, null);
        };
    }

    /** A draft provider payment of a month of its own. */
    String draftRun() {
        return ok(admin.post("/api/v1/provider-payments", "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"%s\"}"
                .formatted(period())), 201).json().path("runId").asText();
    }

    /** A month no other cell paid, outside 2024 (the year of the visits, whose periods stay open). */
    String period() {
        YearMonth m = YearMonth.of(2023, 1).plusMonths(period++);
        return (m.getYear() >= 2024 ? m.plusYears(1) : m).toString();
    }

    @Test
    void everyOperationHasARowOfExpectations() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Operation.values());
    }

    @TestFactory
    Stream<DynamicTest> everyCell() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Operation op : Operation.values()) {
            for (Who who : Who.values()) {
                cells.add(DynamicTest.dynamicTest(op + " by " + who, () -> check(op, who)));
            }
        }
        return cells.stream();
    }

    void check(Operation op, Who who) throws Exception {
        String expected = switch (who) {
            case NO_TOKEN, REVOKED_TOKEN -> "401";
            default -> EXPECTED.get(op)[who.ordinal()];
        };
        Call c = call(op, who);
        // a key of its own for every write (a preview and a filing check book nothing; clients take no key: their
        // token is shown once)
        boolean keyed = !c.method().equals("GET") && op != Operation.PREVIEW && op != Operation.FILING_CHECK
                && op != Operation.CREATE_CLIENT
                && op != Operation.IMPORT_PERSONS && op != Operation.IMPORT_INSTITUTIONS // an import takes no key
                && op != Operation.REVOKE_CLIENT
                && op != Operation.BACK_UP; // a backup books nothing: each call is a copy of its own
        String key = keyed ? "cell-" + (++cell) : null;
        Map<String, Object> before = snapshot(c);

        Reply r = send(callers.get(who), c, key);

        String as = op + " " + c.method() + " " + c.path() + " by " + who + ": " + r.raw();
        if (expected.equals(Y)) {
            assertThat(r.status()).as(as).isEqualTo(c.success());
            if (key != null) {
                assertThat(keysStored(key)).as("the key of an allowed write is stored").isEqualTo(1);
            }
            return;
        }
        assertThat(r.status()).as(as).isEqualTo(Integer.parseInt(expected));
        assertThat(r.contentType()).as(as).startsWith("application/problem+json");
        assertThat(r.code()).as(as).isEqualTo(expected.equals("401") ? "UNAUTHENTICATED" : "FORBIDDEN");
        assertThat(snapshot(c)).as("nothing changed after the refusal of " + as).isEqualTo(before);
        if (key != null) {
            assertThat(keysStored(key)).as("the refused call's idempotency key is not stored").isZero();
        }
    }

    Reply send(ApiClient caller, Call c, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(c.path()));
        if (c.body() == null) {
            b.method(c.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", c.path().endsWith("/import") ? "application/x-ndjson" : "application/json")
                    .method(c.method(), HttpRequest.BodyPublishers.ofString(c.body()));
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return caller.send(b);
    }

    /** What a refused call must leave as it was: read by the administrator, and every table's row count. */
    Map<String, Object> snapshot(Call c) throws SQLException {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String path : new String[] {"/api/v1/persons/P1", "/api/v1/persons/P1/accumulators?year=2024",
                "/api/v1/persons/P1/account", "/api/v1/institutions/H1", c.watch()}) {
            if (path != null) {
                s.put(path, admin.get(path).raw());
            }
        }
        try (Connection db = derby()) {
            for (String table : new String[] {"gj_person", "gj_institution", "gj_settlement", "gj_account_entry",
                    "gj_year_to_date", "gj_family_payment", "gj_crediting_run", "gj_payment_run", "gj_idempotency_key",
                    "gj_audit", "gj_client", "gj_job", "gj_simulation"}) {
                try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM " + table);
                        ResultSet rs = q.executeQuery()) {
                    rs.next();
                    s.put(table, rs.getLong(1));
                }
            }
        }
        return s;
    }

    long keysStored(String key) throws SQLException {
        try (Connection db = derby();
                PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM gj_idempotency_key WHERE idem_key = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Connection derby() throws SQLException {
        return DriverManager.getConnection("jdbc:derby:" + tmp.resolve("data").resolve("db").toAbsolutePath());
    }

    @Test
    void readmeShowsTheMatrixTheServerApplies() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        assertThat(readme).contains(Access.markdown());
    }

    void awaitJob(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (admin.get("/api/v1/jobs/" + id).json().path("status").asText().equals("DONE")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    static Reply ok(Reply r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        return r;
    }
}
