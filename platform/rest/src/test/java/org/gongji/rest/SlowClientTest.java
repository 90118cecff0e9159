package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and silent clients do not stop the API: connections that send one byte, or headers and a
 * part of a body, hold no request thread; the API keeps answering others while they wait, and
 * closes them after the idle timeout. The server has only 8 request threads here, so that far
 * fewer stalled clients than we open would stop it if each held one (as with the JDK's server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientTest {

    /** Generous: a normal request on an idle server answers in milliseconds. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient api;
    final List<Socket> open = new ArrayList<>();

    @BeforeAll
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, ServerOptions.loopback(0).withThreads(8)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)), List.of());
        api = new ApiClient(server.baseUri(), ApiClient.admin(store, server.baseUri()).token(), ANSWER_WITHIN);
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        open.add(s);
        return s;
    }

    @Test
    void twoHundredConnectionsThatSendOneByteDoNotStopTheApi() throws IOException {
        for (int i = 0; i < 200; i++) {
            OutputStream out = connect().getOutputStream();
            out.write('G');
            out.flush();
        }
        Reply r = api.get("/api/v1/regions");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    @Test
    void sixtyFourStalledBodiesDoNotStopTheApi() throws IOException {
        for (int i = 0; i < 64; i++) {
            OutputStream out = connect().getOutputStream();
            out.write(("POST /api/v1/settlements/preview HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"personId\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        Reply r = api.get("/api/v1/regions");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        Socket s = connect();
        s.getOutputStream().write('G');
        s.setSoTimeout((int) ANSWER_WITHIN.toMillis());
        InputStream in = s.getInputStream();
        try {
            // closed (end of stream or reset) well before the generous bound; a server without a
            // read timeout would leave the read blocked until SocketTimeoutException
            int first = in.read();
            assertThat(first).isIn(-1, (int) 'H');
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a silent connection open for " + ANSWER_WITHIN, e);
        } catch (IOException reset) {
            // a reset is a close too
        }
    }

    @Test
    void aStalledBodyIsAnsweredWithATimeoutAndClosed() throws IOException {
        Socket s = connect();
        s.getOutputStream().write(("POST /api/v1/settlements/preview HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 500\r\n\r\n{\"personId\":").getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout((int) ANSWER_WITHIN.toMillis());
        String answer;
        try {
            answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept waiting for a stalled body for " + ANSWER_WITHIN, e);
        }
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"REQUEST_TIMEOUT\"")
                .contains("application/problem+json");
    }
}
