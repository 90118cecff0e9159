package org.gongji.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rules.StandardRegion;

/**
 * Opens the store under test: embedded Derby in a temporary folder, or the PostgreSQL server named
 * by {@code -Dgongji.test.jdbc.url} (profile {@code store-postgresql}), emptied first.
 */
final class TestStores {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private TestStores() {
    }

    static MapRegionRegistry jiaozuo() {
        return new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
    }

    static boolean onPostgres() {
        String url = System.getProperty("gongji.test.jdbc.url", "");
        return !url.isBlank();
    }

    static StoreConfig config(Path tempDir) {
        if (!onPostgres()) {
            return StoreConfig.derby(tempDir.resolve("data"));
        }
        return StoreConfig.jdbc(System.getProperty("gongji.test.jdbc.url"), System.getProperty("gongji.test.jdbc.user"),
                System.getProperty("gongji.test.jdbc.password"));
    }

    /** The configuration of a store that starts empty: on PostgreSQL every gongji table is dropped first. */
    static StoreConfig freshConfig(Path tempDir) {
        StoreConfig config = config(tempDir);
        if (!config.embedded()) {
            dropAll(config);
        }
        return config;
    }

    /** A fresh store: on PostgreSQL every gongji table is dropped first. */
    static OpenStore fresh(Path tempDir) {
        return fresh(tempDir, CLOCK);
    }

    /** As {@link #fresh(Path)}, on the given clock. */
    static OpenStore fresh(Path tempDir, java.time.Clock clock) {
        return Stores.open(freshConfig(tempDir), jiaozuo(), clock);
    }

    static OpenStore reopen(Path tempDir) {
        return Stores.open(config(tempDir), jiaozuo(), CLOCK);
    }

    private static void dropAll(StoreConfig config) {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + config.jdbcUrl(), e);
        }
    }
}
