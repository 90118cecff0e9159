package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.internal.ApiHandler;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a PKCS12 key store made by {@code keytool} here, and mutual TLS: a client
 * certificate that verifies against the trust store reaches the API as a verified subject (and
 * the client id the configured map gives it); a client without one is refused in the handshake.
 * The key store password appears in no log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

    static final String SERVER_PASSWORD = "srv-Pw-7341";
    static final String CLIENT_PASSWORD = "cli-Pw-9912";
    static final String CLIENT_SUBJECT = "CN=his.h1.example,O=H1,C=CN";

    @TempDir
    static java.nio.file.Path tmp;
    OpenStore store;
    MapRegionRegistry regions;
    final List<String> log = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (log) {
                log.add(record.getLoggerName() + " " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Echoes what the transport tells the filters about the peer. */
    @Path("/api/v1/test/peer")
    public static final class PeerResource {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> peer(@Context ContainerRequestContext request) {
            java.security.Principal caller = request.getSecurityContext().getUserPrincipal();
            return Map.of("caller", caller == null ? "none" : caller.getName(),
                    "subject", String.valueOf(request.getProperty(ApiHandler.PEER_SUBJECT)),
                    "clientId", String.valueOf(request.getProperty(ApiHandler.PEER_CLIENT_ID)),
                    "secure", request.getSecurityContext().isSecure());
        }
    }

    @BeforeAll
    void stores() throws Exception {
        Logger.getLogger("").addHandler(capture);
        regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        token = ApiClient.admin(store, URI.create("http://unused")).token();
        keytool("-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", tmp.resolve("server.p12").toString(), "-storepass", SERVER_PASSWORD);
        keytool("-genkeypair", "-alias", "his", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=his.h1.example, O=H1, C=CN", "-storetype", "PKCS12",
                "-keystore", tmp.resolve("client.p12").toString(), "-storepass", CLIENT_PASSWORD);
        keytool("-exportcert", "-alias", "his", "-keystore", tmp.resolve("client.p12").toString(),
                "-storepass", CLIENT_PASSWORD, "-file", tmp.resolve("client.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "his", "-file", tmp.resolve("client.crt").toString(),
                "-storetype", "PKCS12", "-keystore", tmp.resolve("trust.p12").toString(), "-storepass", SERVER_PASSWORD);
    }

    @AfterAll
    void stop() {
        store.close();
        Logger.getLogger("").removeHandler(capture);
    }

    static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    static KeyStore load(java.nio.file.Path file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    /** Trusts the server's certificate; presents the client's when asked to. */
    HttpClient client(boolean withCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        Certificate serverCert = load(tmp.resolve("server.p12"), SERVER_PASSWORD).getCertificate("api");
        trusted.setCertificateEntry("api", serverCert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(tmp.resolve("client.p12"), CLIENT_PASSWORD), CLIENT_PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(withCertificate ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The admin's bearer token. */
    String token;

    HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsWithTheConfiguredKeystoreAndNeverLogsItsPassword() throws Exception {
        ServerOptions.Tls tls = ServerOptions.Tls.of(tmp.resolve("server.p12"), SERVER_PASSWORD);
        try (GongjiServer server = GongjiServer.start(store, regions, ServerOptions.loopback(0).withTls(tls),
                List.of(new PeerResource()))) {
            assertThat(server.baseUri().getScheme()).isEqualTo("https");
            HttpResponse<String> r = get(client(false), server.baseUri().resolve("/api/v1/regions"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("410800");
            HttpResponse<String> peer = get(client(false), server.baseUri().resolve("/api/v1/test/peer"));
            assertThat(peer.body()).contains("\"secure\":true").contains("\"subject\":\"null\"");
            synchronized (log) {
                assertThat(log).anyMatch(line -> line.contains("API listening on https://127.0.0.1:" + server.port()));
                assertThat(log).anyMatch(line -> line.startsWith("org.gongji.rest.access GET /api/v1/regions 200 "));
            }
        }
        synchronized (log) {
            assertThat(log).anyMatch(line -> line.contains("API stopped listening on https://127.0.0.1:"));
            assertThat(log).noneMatch(line -> line.contains(SERVER_PASSWORD));
        }
    }

    @Test
    void aVerifiedClientCertificateReachesTheApiAsItsSubjectAndClient() throws Exception {
        String his = store.clients().create(org.gongji.store.NewClient.of("HIS of H1", org.gongji.store.Role.ADMIN, null, null),
                org.gongji.store.WriteContext.by("test")).client().clientId();
        ServerOptions.Tls tls = new ServerOptions.Tls(tmp.resolve("server.p12"), SERVER_PASSWORD, ServerOptions.ClientAuth.NEED,
                tmp.resolve("trust.p12"), SERVER_PASSWORD, Map.of(CLIENT_SUBJECT, his));
        try (GongjiServer server = GongjiServer.start(store, regions, ServerOptions.loopback(0).withTls(tls),
                List.of(new PeerResource()))) {
            HttpResponse<String> peer = get(client(true), server.baseUri().resolve("/api/v1/test/peer"));
            assertThat(peer.statusCode()).as(peer.body()).isEqualTo(200);
            assertThat(peer.body()).contains("\"subject\":\"" + CLIENT_SUBJECT + "\"").contains("\"clientId\":\"" + his + "\"");
            // with a token, the token's client is the caller
            assertThat(peer.body()).doesNotContain("\"caller\":\"" + his + "\"");
            // the certificate alone authenticates the client the configuration maps its subject to
            HttpResponse<String> byCertificate = client(true).send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/test/peer"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(byCertificate.statusCode()).as(byCertificate.body()).isEqualTo(200);
            assertThat(byCertificate.body()).contains("\"caller\":\"" + his + "\"");
            // without a certificate the handshake fails: no request reaches the API
            assertThatThrownBy(() -> get(client(false), server.baseUri().resolve("/api/v1/regions")))
                    .isInstanceOf(IOException.class);
            synchronized (log) {
                assertThat(log).anyMatch(line -> line.startsWith("org.gongji.rest.access GET /api/v1/test/peer 200 ")
                        && line.contains(" client=" + his + " "));
            }
        }
    }
}
