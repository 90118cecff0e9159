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
 * handshake and authentication for PostgreSQL).
 */
final class ConnectionPool implements DataSource, AutoCloseable {

    private final DataSource target;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(DataSource target, int maxIdle) {
        this.target = target;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            if (!c.isClosed()) {
                return lease(c);
            }
        }
        return lease(target.getConnection());
    }

    private Connection lease(Connection real) {
        boolean[] released = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!released[0]) {
                                released[0] = true;
                                release(real);
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
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void release(Connection real) throws SQLException {
        if (real.isClosed()) {
            return;
        }
        if (!real.getAutoCommit()) {
            real.rollback();
            real.setAutoCommit(true);
        }
        if (closed || idle.size() >= maxIdle) {
            real.close();
        } else {
            idle.offerFirst(real);
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
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
