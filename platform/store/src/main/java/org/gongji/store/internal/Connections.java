package org.gongji.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gongji.store.StoreTuning;

/**
 * The connection pool: HikariCP over the database's plain DataSource. Hikari validates a
 * connection that was idle before handing it out (after a PostgreSQL restart it hands out new ones),
 * evicts one that failed with a connection error, and retires each after its lifetime.
 *
 * <p>Hikari does not keep prepared statements. The physical connections it pools are handed to it
 * wrapped, each with its own {@link StatementCache}: a statement closed by EclipseLink goes back to
 * the cache of its physical connection and is reused by the next lease of that connection; it is
 * closed with the connection when Hikari retires it.
 */
final class Connections implements AutoCloseable {

    /** Distinct statements the store runs are far fewer; the least recently used beyond this are closed. */
    private static final int STATEMENTS_PER_CONNECTION = 128;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource pool;

    Connections(DataSource target, StoreTuning tuning) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gongji-" + POOLS.incrementAndGet());
        config.setDataSource(new StatementKeeping(target));
        config.setMaximumPoolSize(tuning.poolSize());
        config.setMinimumIdle(Math.min(tuning.poolSize(), 4));
        config.setMaxLifetime(TimeUnit.SECONDS.toMillis(tuning.poolLifetimeSeconds()));
        // half the lifetime at most: Hikari requires the idle time-out below the lifetime
        config.setIdleTimeout(Math.min(TimeUnit.MINUTES.toMillis(10), TimeUnit.SECONDS.toMillis(tuning.poolLifetimeSeconds()) / 2));
        config.setKeepaliveTime(Math.min(TimeUnit.MINUTES.toMillis(2), TimeUnit.SECONDS.toMillis(tuning.poolLifetimeSeconds()) / 2));
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(tuning.connectionTimeoutSeconds()));
        config.setValidationTimeout(TimeUnit.SECONDS.toMillis(2));
        config.setAutoCommit(true);
        // the first connection is opened now: a database that cannot be reached fails the start
        config.setInitializationFailTimeout(TimeUnit.SECONDS.toMillis(tuning.connectionTimeoutSeconds()));
        this.pool = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    /** Connections in use, idle, in all, and threads waiting for one. */
    PoolUse use() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolUse(0, 0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolUse(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections(),
                bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    /** Hikari's Micrometer tracker on {@code meterRegistry}: it may be set once on a running pool. */
    boolean trackPool(Object meterRegistry) {
        try {
            pool.setMetricRegistry(meterRegistry);
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    /** What the pool holds now. */
    record PoolUse(int active, int idle, int total, int waiting, int max) {
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Hands out physical connections that keep their prepared statements until they are closed. */
    private static final class StatementKeeping implements DataSource {

        private final DataSource target;

        StatementKeeping(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return keeping(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return keeping(target.getConnection(username, password));
        }

        private static Connection keeping(Connection real) {
            StatementCache statements = new StatementCache(real, STATEMENTS_PER_CONNECTION);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("prepareStatement") && args != null && args.length == 1) {
                            return statements.prepare((String) args[0], (Connection) proxy);
                        }
                        if (name.equals("close")) {
                            statements.clear();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }
}
