package org.gongji.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.gongji.store.StoreMonitor;

/** The store's {@link StoreMonitor} over its database, pool and group commit. */
final class Monitor implements StoreMonitor {

    private final DataSource direct;
    private final Connections pool;
    private final GroupCommit writes;
    private final String product;

    Monitor(DataSource direct, Connections pool, GroupCommit writes, String product) {
        this.direct = direct;
        this.pool = pool;
        this.writes = writes;
        this.product = product;
    }

    @Override
    public Optional<String> databaseProblem(Duration timeout) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try (Connection c = direct.getConnection()) {
            return c.isValid(seconds) ? Optional.empty() : Optional.of("the database did not answer within " + seconds + " s");
        } catch (SQLException e) {
            return Optional.of("cannot connect: " + (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ")
                    + e.getMessage());
        }
    }

    @Override
    public String databaseProduct() {
        return product;
    }

    @Override
    public WriterState writers() {
        return new WriterState(writes.writerCount(), writes.writersAlive(), writes.queued(),
                writes.oldestWaitNanos() / 1_000_000, writes.longestBatchNanos() / 1_000_000, writes.commits(),
                writes.conflicts(), writes.retries());
    }

    @Override
    public PoolState pool() {
        Connections.PoolUse use = pool.use();
        return new PoolState(use.active(), use.idle(), use.total(), use.max(), use.waiting());
    }

    @Override
    public boolean trackPool(Object meterRegistry) {
        return pool.trackPool(meterRegistry);
    }

    @Override
    public Subscription onCommit(CommitListener listener) {
        GroupCommit.CommitObserver observer = listener::committed;
        writes.observe(observer);
        return () -> writes.unobserve(observer);
    }
}
