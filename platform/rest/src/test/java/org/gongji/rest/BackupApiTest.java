package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.rules.StandardRegion;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/v1/backups: Derby's online backup under the data folder, nowhere else. */
class BackupApiTest {

    @TempDir
    Path tmp;
    OpenStore store;
    GongjiServer server;
    ApiClient api;

    @BeforeEach
    void start() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        api = ApiClient.admin(store, server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void aBackupIsADerbyDatabaseUnderTheBackupsFolder() {
        Reply r = api.post("/api/v1/backups", "{\"folder\":\"before-upgrade\"}");

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Path folder = tmp.resolve("data/backups/before-upgrade").toAbsolutePath();
        assertThat(r.json().path("folder").asText()).isEqualTo(folder.toString());
        assertThat(r.json().path("bytes").asLong()).isPositive();
        assertThat(folder.resolve("db/service.properties")).exists();
    }

    @Test
    void withoutABodyTheFolderIsNamedByTheTime() {
        Reply r = api.post("/api/v1/backups", "");

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("name").asText()).matches("\\d{8}-\\d{6}");
    }

    @Test
    void aFolderOutsideTheBackupsFolderOrOneThatExistsIsRefused() throws Exception {
        assertThat(api.post("/api/v1/backups", "{\"folder\":\"../db\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/backups", "{\"folder\":\"/tmp/elsewhere\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/backups", "{\"folder\":\"..\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/backups", "{\"folder\":\"x\"}").status()).isEqualTo(200);
        Reply again = api.post("/api/v1/backups", "{\"folder\":\"x\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("BACKUP_EXISTS");
        try (var files = Files.list(tmp.resolve("data/backups"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x");
        }
    }
}
