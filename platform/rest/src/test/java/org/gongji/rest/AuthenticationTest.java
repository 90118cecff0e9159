package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.rules.StandardRegion;
import org.gongji.store.ClientDirectory;
import org.gongji.store.NewClient;
import org.gongji.store.OpenStore;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.gongji.store.WriteContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Who may call at all: a bearer token of an active client, except on the public paths. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient admin;
    ApiClient nobody;

    @BeforeAll
    void start() throws Exception {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        // the first start wrote the administrator's token into the data folder
        String token = Files.readString(tmp.resolve("data").resolve(ClientDirectory.ADMIN_TOKEN_FILE)).strip();
        admin = new ApiClient(server.baseUri(), token);
        nobody = ApiClient.anonymous(server.baseUri());
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    static void assertUnauthenticated(Reply r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void theTokenInAdminTokenOpensTheApi() {
        assertThat(admin.get("/api/v1/regions").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/ping").status()).isEqualTo(200);
    }

    @Test
    void withoutATokenEveryOperationIsRefusedBeforeItRuns() {
        assertUnauthenticated(nobody.get("/api/v1/regions"));
        assertUnauthenticated(nobody.get("/api/v1/ping"));
        assertUnauthenticated(nobody.get("/api/v1/persons/P1"));
        assertUnauthenticated(nobody.post("/api/v1/settlements", "{}"));
        assertUnauthenticated(nobody.put("/api/v1/institutions/H9", "{}"));
        // an unknown path says nothing either: it is a 401 before it is a 404
        assertUnauthenticated(nobody.get("/api/v1/no-such-thing"));
        assertUnauthenticated(nobody.post("/api/v1/health", "{}"));
    }

    @Test
    void aMalformedUnknownOrRevokedTokenIsRefused() {
        assertUnauthenticated(send("Basic YWRtaW46YWRtaW4="));
        assertUnauthenticated(send("Bearer"));
        assertUnauthenticated(send("Bearer two tokens"));
        assertUnauthenticated(send("Bearer " + admin.token() + "x"));
        assertUnauthenticated(nobody.withToken("gj_" + "A".repeat(43)).get("/api/v1/regions"));

        var issued = store.clients().create(NewClient.of("to revoke", Role.BUREAU, "410800", null), WriteContext.by("test"));
        ApiClient bureau = nobody.withToken(issued.token());
        assertThat(bureau.get("/api/v1/regions").status()).isEqualTo(200);
        store.clients().revoke(issued.client().clientId(), WriteContext.by("test"));
        assertUnauthenticated(bureau.get("/api/v1/regions"));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(send("bearer " + admin.token()).status()).isEqualTo(200);
    }

    @Test
    void healthTheOpenApiDocumentAndTheConsoleFilesArePublic() {
        assertThat(nobody.get("/api/v1/openapi.json").status()).isEqualTo(200);
        // readiness answers 200 or 503 by the node's state: what matters is that no token is asked for
        assertThat(nobody.get("/api/v1/health").status()).isIn(200, 503);
        assertThat(nobody.get("/api/v1/health/ready").status()).isIn(200, 503);
        assertThat(nobody.get("/api/v1/health/live").status()).isEqualTo(200);
        assertUnauthenticated(nobody.get("/api/v1/health/other"));
        assertThat(nobody.get("/console/").status()).isEqualTo(200);
        assertThat(nobody.get("/console/console.js").status()).isEqualTo(200);
        assertThat(nobody.get("/console/no-such.js").status()).isEqualTo(404);
        assertUnauthenticated(nobody.get("/console/a/b"));
        assertUnauthenticated(nobody.get("/console/../api/v1/persons/P1"));
        // Jetty refuses an encoded dot segment outright (400, ambiguous path), before any resource
        Reply dots = nobody.get("/console/%2e%2e/api/v1/persons/P1");
        assertThat(dots.status()).as(dots.raw()).isIn(400, 401);
        assertThat(dots.raw()).doesNotContain("P1");
        assertUnauthenticated(nobody.post("/api/v1/openapi.json", "{}"));
    }

    private Reply send(String authorization) {
        return nobody.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/regions"))
                .header("Authorization", authorization).GET());
    }
}
