package org.gongji.store.internal;

import javax.sql.DataSource;
import org.gongji.store.StoreConfig;
import org.postgresql.ds.PGSimpleDataSource;

/** Kept apart so that the store loads without the PostgreSQL driver when it runs on Derby. */
final class PostgresDataSource {

    private PostgresDataSource() {
    }

    static DataSource create(StoreConfig config) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(config.jdbcUrl());
        if (config.user() != null && !config.user().isBlank()) {
            pg.setUser(config.user());
        }
        if (config.password() != null && !config.password().isBlank()) {
            pg.setPassword(config.password());
        }
        return pg;
    }
}
