package org.gongji.store.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps idle connections of a plain DataSource for reuse. EclipseLink treats a DataSource it is
 * given as externally pooled and would otherwise open a connection per transaction (a TCP
 * handshake and authentication for PostgreSQL). Each connection keeps its prepared statements
 * ({@link StatementCache}).
 */
final class ConnectionPool implements DataSource, AutoCloseable {

    /** Distinct statements the store runs are far fewer; the least recently used beyond this are closed. */
    private static final int STATEMENTS_PER_CONNECTION = 128;

    private final DataSource target;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(DataSource target, int maxIdle) {
        this.target = target;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Pooled c;
        while ((c = idle.pollFirst()) != null) {
            if (!c.real().isClosed()) {
                return lease(c);
            }
        }
        Connection real = target.getConnection();
        return lease(new Pooled(real, new StatementCache(real, STATEMENTS_PER_CONNECTION)));
    }

    private Connection lease(Pooled pooled) {
        Connection real = pooled.real();
        boolean[] released = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!released[0]) {
                                released[0] = true;
                                release(pooled);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return released[0] || real.isClosed();
                        }
                        case "unwrap", "isWrapperFor" -> { }
                        default -> {
                            if (released[0]) {
                                throw new SQLException("connection already returned to the pool");
                            }
                            if (method.getName().equals("prepareStatement") && args.length == 1) {
                                return pooled.statements().prepare((String) args[0], (Connection) proxy);
                            }
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void release(Pooled pooled) throws SQLException {
        Connection real = pooled.real();
        if (real.isClosed()) {
            return;
        }
        if (!real.getAutoCommit()) {
            real.rollback();
            real.setAutoCommit(true);
        }
        if (closed || idle.size() >= maxIdle) {
            pooled.statements().clear();
            real.close();
        } else {
            idle.offerFirst(pooled);
        }
    }

    /** A physical connection and the statements prepared on it. */
    private record Pooled(Connection real, StatementCache statements) {
    }

    @Override
    public void close() {
        closed = true;
        Pooled c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.statements().clear();
                c.real().close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target.getConnection(username, password);
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
