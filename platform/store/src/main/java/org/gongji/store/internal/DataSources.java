package org.gongji.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.gongji.store.StoreConfig;

/**
 * Creates the DataSource directly (no DriverManager, which does not see drivers inside bundles).
 */
final class DataSources {

    private DataSources() {
    }

    static DataSource open(StoreConfig config) {
        if (config.embedded()) {
            return derby(config.dataFolder());
        }
        if (!config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("supported: embedded Derby or jdbc:postgresql:..., not " + config.jdbcUrl());
        }
        return PostgresDataSource.create(config);
    }

    private static DataSource derby(Path dataFolder) {
        try {
            Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataFolder, e);
        }
        // Derby reads these once per JVM, when its engine boots: derby.log goes to the data folder.
        System.getProperties().putIfAbsent("derby.system.home", dataFolder.toAbsolutePath().toString());
        // Derby writes its log buffer out with a synchronous write each time it fills: with the
        // default 32 KB a chunk of a crediting job (about 500 KB of log) took 16 of them, with
        // 8 MB its commit writes it once.
        System.getProperties().putIfAbsent("derby.storage.logBufferSize", Integer.toString(8 * 1024 * 1024));
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(derbyDatabase(dataFolder));
        derby.setCreateDatabase("create");
        return derby;
    }

    private static String derbyDatabase(Path dataFolder) {
        return dataFolder.resolve("db").toAbsolutePath().toString();
    }

    /** Shuts the embedded database down cleanly, so that the next start does not recover a log. */
    static void shutdown(StoreConfig config) {
        if (!config.embedded()) {
            return;
        }
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(derbyDatabase(config.dataFolder()));
        derby.setShutdownDatabase("shutdown");
        try {
            derby.getConnection().close();
        } catch (SQLException e) {
            // Derby reports a clean database shutdown as SQLState 08006
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("Derby did not shut down cleanly", e);
            }
        }
    }
}
