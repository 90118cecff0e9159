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
        // a server that is down or restarting is noticed in seconds, not after the operating system's
        // time-outs; parameters of the URL, set next, win over these
        pg.setConnectTimeout(5);
        pg.setLoginTimeout(10);
        pg.setTcpKeepAlive(true);
        pg.setApplicationName("gongji");
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
