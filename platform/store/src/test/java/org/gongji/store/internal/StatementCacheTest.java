package org.gongji.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.gongji.store.StoreTuning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/** Prepared statements are reused per physical connection, and a reused one carries nothing over. */
class StatementCacheTest {

    private static final String SQL = "VALUES CAST(? AS INTEGER)";

    @TempDir
    static Path tmp;

    private static String DATABASE;

    private Connections connections;
    private DataSource pool;

    @BeforeEach
    void open() {
        DATABASE = tmp.resolve("statement-cache").toString();
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(DATABASE);
        derby.setCreateDatabase("create");
        connections = new Connections(derby, StoreTuning.defaults());
        pool = connections.dataSource();
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void aClosedStatementIsPreparedAgainFromTheCache() throws SQLException {
        PreparedStatement first;
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(SQL)) {
            assertEquals(7, valueOf(p, 7));
            first = p.unwrap(PreparedStatement.class).unwrap(PreparedStatement.class);
        }
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(SQL)) {
            assertSame(first, p.unwrap(PreparedStatement.class).unwrap(PreparedStatement.class));
            assertEquals(8, valueOf(p, 8));
        }
    }

    @Test
    void aReusedStatementHasNoParameterSet() throws SQLException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement p = c.prepareStatement(SQL)) {
                assertEquals(7, valueOf(p, 7));
            }
            try (PreparedStatement p = c.prepareStatement(SQL)) {
                SQLException unset = assertThrows(SQLException.class, p::executeQuery);
                assertEquals("07000", unset.getSQLState());
            }
        }
    }

    @Test
    void aStatementWhoseSettingsChangedIsNotReused() throws SQLException {
        try (Connection c = pool.getConnection()) {
            PreparedStatement changed;
            try (PreparedStatement p = c.prepareStatement(SQL)) {
                p.setMaxRows(1);
                changed = p.unwrap(PreparedStatement.class).unwrap(PreparedStatement.class);
            }
            assertTrue(changed.isClosed());
            try (PreparedStatement p = c.prepareStatement(SQL)) {
                assertNotSame(changed, p.unwrap(PreparedStatement.class).unwrap(PreparedStatement.class));
                assertEquals(0, p.getMaxRows());
            }
        }
    }

    @Test
    void theSameTextOpenTwiceGetsTwoStatements() throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement outer = c.prepareStatement(SQL);
                PreparedStatement inner = c.prepareStatement(SQL)) {
            assertNotSame(outer.unwrap(PreparedStatement.class).unwrap(PreparedStatement.class), inner.unwrap(PreparedStatement.class).unwrap(PreparedStatement.class));
            outer.setInt(1, 1);
            inner.setInt(1, 2);
            try (ResultSet a = outer.executeQuery(); ResultSet b = inner.executeQuery()) {
                a.next();
                b.next();
                assertEquals(1, a.getInt(1));
                assertEquals(2, b.getInt(1));
            }
        }
    }

    @Test
    void aStatementGivenBackCannotBeUsed() throws SQLException {
        try (Connection c = pool.getConnection()) {
            PreparedStatement p = c.prepareStatement(SQL);
            p.close();
            assertTrue(p.isClosed());
            assertThrows(SQLException.class, () -> p.setInt(1, 1));
        }
    }

    @Test
    void aConnectionBrokenUnderThePoolIsReplacedByAWorkingOne() throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(SQL)) {
            assertEquals(1, valueOf(p, 1));
        }
        // the database goes away under the pool, as PostgreSQL does when it restarts
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(DATABASE);
        shutdown.setShutdownDatabase("shutdown");
        SQLException down = assertThrows(SQLException.class, shutdown::getConnection);
        assertEquals("08006", down.getSQLState());
        // past HikariCP's 500 ms in which a connection just used is handed out unchecked
        Thread.sleep(600);
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(SQL)) {
            assertEquals(2, valueOf(p, 2));
        }
    }

    private static int valueOf(PreparedStatement p, int value) throws SQLException {
        p.setInt(1, value);
        try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
