package org.gongji.store.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the prepared statements of one physical connection for reuse, by SQL text. EclipseLink
 * prepares a statement for every query it runs over a DataSource it is given; without reuse each
 * settlement left a dozen Derby statements behind, objects with finalizers that survived young
 * collections and made every collection pause long.
 *
 * <p>A statement handed out is closed by its user as usual: it comes back here with its parameters
 * cleared. One whose settings were changed (maximum rows, fetch size, time-out, ...) is closed for
 * real, so the next user never inherits them. Not thread-safe: a connection is used by one thread
 * at a time.
 */
final class StatementCache {

    /** Statement methods that change settings a later user of the same statement would inherit. */
    private static final Set<String> SETTINGS = Set.of("setMaxRows", "setLargeMaxRows", "setFetchSize",
            "setFetchDirection", "setQueryTimeout", "setMaxFieldSize", "setEscapeProcessing", "setCursorName",
            "setPoolable", "closeOnCompletion");

    private final Connection real;
    private final Map<String, PreparedStatement> idle;

    StatementCache(Connection real, int capacity) {
        this.real = real;
        this.idle = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }

    /** A statement for {@code sql}: an idle one prepared earlier, else a new one. */
    PreparedStatement prepare(String sql, Connection owner) throws SQLException {
        PreparedStatement statement = idle.remove(sql);
        if (statement == null) {
            statement = real.prepareStatement(sql);
        }
        return lend(sql, statement, owner);
    }

    /** Closes every idle statement; the connection is being closed. */
    void clear() {
        idle.values().forEach(StatementCache::closeQuietly);
        idle.clear();
    }

    private PreparedStatement lend(String sql, PreparedStatement statement, Connection owner) {
        boolean[] returned = {false};
        boolean[] changed = {false};
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    switch (name) {
                        case "close" -> {
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(sql, statement, changed[0]);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned[0] || statement.isClosed();
                        }
                        case "getConnection" -> {
                            return owner;
                        }
                        default -> {
                            if (returned[0]) {
                                throw new SQLException("statement already closed");
                            }
                            if (SETTINGS.contains(name)) {
                                changed[0] = true;
                            }
                        }
                    }
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(String sql, PreparedStatement statement, boolean changed) throws SQLException {
        if (changed || statement.isClosed() || idle.containsKey(sql)) {
            statement.close();
            return;
        }
        try {
            ResultSet open = statement.getResultSet();
            if (open != null) {
                open.close();
            }
            statement.clearParameters();
            statement.clearBatch();
        } catch (SQLException e) {
            closeQuietly(statement);
            throw e;
        }
        idle.put(sql, statement);
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection may be gone already; nothing is left to release
        }
    }
}
