package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
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
 * What the transport does to every request: body limits (413 before the body is read whole),
 * security headers, the request id, {@code Location} from the public address, and errors that
 * name no Java class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportTest {

    static final int MIB = 1024 * 1024;
    static final URI PUBLIC = URI.create("https://yb-api.example.cn/gongji/");
    /** What an error body or header must never show. */
    static final Pattern JAVA = Pattern.compile(
            "(java|javax|jakarta|com\\.fasterxml|org\\.glassfish|org\\.eclipse|org\\.gongji)\\.|Exception|\\tat |LocalDate|Integer|BigDecimal|Jetty|Jersey");

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    GongjiServer direct;
    ApiClient api;
    String bearer;

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, ServerOptions.loopback(0).withBodyLimits(MIB, 4L * MIB)
                .withPublicUrl(PUBLIC), List.of());
        direct = GongjiServer.start(store, regions, ServerOptions.loopback(0), List.of());
        api = ApiClient.admin(store, server.baseUri());
        bearer = "Authorization: Bearer " + api.token() + "\r\n";
        assertThat(api.put("/api/v1/institutions/H1",
                "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}").status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/persons/T1", """
                {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","monthlyContributionBase":6000.00}""")
                .status()).isEqualTo(200);
        assertThat(api.put("/api/v1/persons/T2", """
                {"name":"李四","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","monthlyContributionBase":6000.00}""")
                .status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
        direct.close();
        store.close();
    }

    String accumulators() {
        Reply r = api.get("/api/v1/persons/T1/accumulators?year=2024");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.raw();
    }

    static String visit(String amount) {
        return visit("T1", amount);
    }

    static String visit(String person, String amount) {
        return """
                {"personId":"%s","institutionId":"H1","date":"2024-03-05","medType":"GENERAL_OUTPATIENT",
                 "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":%s}]}""".formatted(person, amount);
    }

    /** Sends raw bytes (what a client library would refuse to send) and reads the answer until the server closes or 10 s pass. */
    static String raw(GongjiServer to, String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", to.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server answered and closed before taking the whole body: read its answer
            }
            return readAnswer(s.getInputStream());
        }
    }

    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                got.write(buf, 0, n);
                String sofar = got.toString(StandardCharsets.UTF_8);
                int headEnd = sofar.indexOf("\r\n\r\n");
                if (headEnd > 0) {
                    var m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(sofar.substring(0, headEnd));
                    if (m.find() && got.size() >= headEnd + 4 + Integer.parseInt(m.group(1))) {
                        break;
                    }
                }
            }
        } catch (IOException reset) {
            // a reset after the answer
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    String post(String path, long contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + bearer + "Content-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n";
    }

    @Test
    void aBodyDeclaredAboveTheLimitIsRefusedWith413BeforeItIsSent() throws IOException {
        // the body is never sent: a 413 proves the server answered on the declared length alone
        String before = accumulators();
        String answer = raw(server, post("/api/v1/settlements", 50L * MIB), null);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(accumulators()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsRefusedWith413() throws IOException {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < 3 * 16; i++) { // 3 MiB of spaces in 64 KiB chunks, never a last chunk
            chunks.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(chunk);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        String answer = raw(server, "POST /api/v1/settlements HTTP/1.1\r\nHost: localhost\r\n" + bearer + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunks.toByteArray());
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void aContentLengthThatLiesShortIsReadToItsLengthOnlyAndBooksNothing() throws IOException {
        String before = accumulators();
        byte[] big = (visit("10.00") + " ".repeat(2 * MIB)).getBytes(StandardCharsets.UTF_8);
        String answer = raw(server, post("/api/v1/settlements", 40), big);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"MALFORMED_JSON\"");
        assertThat(accumulators()).isEqualTo(before);
    }

    @Test
    void providerPaymentsTakeTheirOwnLargerLimit() throws IOException {
        String cases = "x".repeat(2 * MIB);
        String body = "{\"region\":\"410800\",\"method\":\"PER_ITEM\",\"period\":\"2023\",\"cases\":\"" + cases + "\"}";
        // above the JSON limit, below the upload limit: read and refused for its content, not its size
        Reply r = api.post("/api/v1/provider-payments", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_REQUEST");
        // the same size elsewhere is too large
        Reply settle = api.post("/api/v1/settlements/preview", body);
        assertThat(settle.status()).isEqualTo(413);
        assertThat(settle.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        // above the upload limit
        String answer = raw(server, post("/api/v1/provider-payments", 5L * MIB), null);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void everyAnswerForbidsCachingAndSniffingAndCarriesARequestId() {
        for (Reply r : List.of(api.get("/api/v1/persons/T1"), api.get("/api/v1/persons/nobody"), api.get("/api/v1/regions"))) {
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void aSaneIncomingRequestIdIsKeptAndAnInsaneOneReplaced() throws IOException {
        String kept = raw(server, "GET /api/v1/regions HTTP/1.1\r\nHost: localhost\r\n" + bearer + "X-Request-Id: his-4711.abc\r\n"
                + "Connection: close\r\n\r\n", null);
        assertThat(kept).containsIgnoringCase("X-Request-Id: his-4711.abc\r\n");
        String replaced = raw(server, "GET /api/v1/regions HTTP/1.1\r\nHost: localhost\r\n" + bearer + "X-Request-Id: <script>alert(1)</script>\r\n"
                + "Connection: close\r\n\r\n", null);
        assertThat(replaced).doesNotContain("<script>").containsPattern("(?i)X-Request-Id: [0-9a-f-]{36}\r\n");
    }

    @Test
    void locationIsBuiltFromThePublicAddressNotFromTheHostHeader() throws IOException {
        byte[] body = visit("T2", "10.00").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/settlements HTTP/1.1\r\nHost: evil.example.com\r\n" + bearer + "Content-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        String answer = raw(server, head, body);
        assertThat(answer).startsWith("HTTP/1.1 201")
                .containsPattern("(?i)Location: https://yb-api\\.example\\.cn/gongji/api/v1/settlements/[0-9a-f-]+\r\n")
                .doesNotContain("evil.example.com");
        // without a configured public address: the address the connection reached
        String local = raw(direct, head, body);
        assertThat(local).startsWith("HTTP/1.1 201")
                .containsPattern("(?i)Location: http://127\\.0\\.0\\.1:" + direct.port() + "/api/v1/settlements/[0-9a-f-]+\r\n")
                .doesNotContain("evil.example.com");
    }

    @Test
    void errorsNameNoJavaClassAndCarryNoStack() throws IOException {
        List<Reply> replies = List.of(
                api.post("/api/v1/settlements/preview", "{\"personId\": \"T1\", "),
                api.post("/api/v1/settlements/preview", "{\"personId\": [1,2]}"),
                api.post("/api/v1/settlements/preview", visit("10.00").replace("\"2024-03-05\"", "\"2024-13-45\"")),
                api.post("/api/v1/settlements/preview", visit("10.00").replace("\"2024-03-05\"", "20240305")),
                api.post("/api/v1/settlements/preview", visit("\"zehn\"")),
                api.post("/api/v1/settlements/preview", visit("1" + "0".repeat(2000))),
                api.post("/api/v1/settlements/preview", visit("x".repeat(100_000), "10.00")),
                api.post("/api/v1/settlements/preview", visit("10.00").replace("GENERAL_OUTPATIENT", "NOPE")),
                api.post("/api/v1/account-credits", "{\"region\":\"410800\",\"month\":true}"),
                api.get("/api/v1/persons/T1/accumulators?year=abc"),
                api.get("/api/v1/no-such-thing"));
        for (Reply r : replies) {
            assertThat(r.status()).as(r.raw()).isBetween(400, 499);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("code").asText()).isNotEmpty();
            assertThat(r.raw()).as(r.raw()).doesNotContainPattern(JAVA);
            r.headers().forEach((name, values) -> assertThat(name + ": " + values).doesNotContainPattern(JAVA));
        }
        String badLine = raw(server, "GARBAGE\u0001 / HTTP/1.1\r\n\r\n", null);
        assertThat(badLine).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContainPattern(JAVA);
        String hugeHeader = raw(server, "GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n", null);
        assertThat(hugeHeader).startsWith("HTTP/1.1 431").doesNotContainPattern(JAVA);
    }
}
