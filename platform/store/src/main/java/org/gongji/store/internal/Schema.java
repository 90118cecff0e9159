package org.gongji.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates and migrates the schema: versioned DDL scripts {@code schema/V<n>.sql} applied in order,
 * each in its own transaction with a row in {@code gj_schema_version}. A restart applies nothing
 * that was applied before, so every row stays.
 */
final class Schema {

    /** The newest schema version this code reads and writes. */
    static final int CURRENT = 11;

    private static final String VERSION_TABLE = "gj_schema_version";

    private Schema() {
    }

    /** Brings the database to {@link #CURRENT}; returns the version found before. */
    static int migrate(DataSource dataSource) {
        return migrate(dataSource, CURRENT);
    }

    /** Brings the database to {@code target} (a test starts from an older version); returns the version found before. */
    static int migrate(DataSource dataSource, int target) {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            int found = currentVersion(c);
            if (found > CURRENT) {
                throw new IllegalStateException("the database has schema version " + found
                        + ", newer than this platform's " + CURRENT + ": refusing to touch it");
            }
            for (int v = found + 1; v <= target; v++) {
                apply(c, v);
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("schema migration failed", e);
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        if (tableExists(c, VERSION_TABLE)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + VERSION_TABLE
                    + " (version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200), applied_at TIMESTAMP NOT NULL)");
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // unquoted identifiers: Derby stores them upper-case, PostgreSQL lower-case
        for (String name : List.of(table.toUpperCase(), table.toLowerCase())) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void apply(Connection c, int version) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().contains("Derby")) {
                // A settlement row with its trace fills most of a default 4 KB page: with 32 KB pages
                // concurrent bookings do not all wait on allocating a fresh page.
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '32768')");
            }
            for (String ddl : statements(script(version))) {
                s.execute(ddl);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, "V" + version + ".sql");
                p.setTimestamp(3, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String script(int version) {
        String name = "schema/V" + version + ".sql";
        try (InputStream in = Schema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements end with ';' at the end of a line; lines starting with '--' are comments. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(t).append('\n');
            if (t.endsWith(";")) {
                result.add(current.substring(0, current.lastIndexOf(";")).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
