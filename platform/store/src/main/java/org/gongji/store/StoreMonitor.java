package org.gongji.store;

import java.time.Duration;
import java.util.Optional;

/** What health checks and metrics read of the store: the database, the writers, the pool. */
public interface StoreMonitor {

    /**
     * Opens a connection of its own (not from the pool, which may be busy) and asks the database
     * whether it answers.
     *
     * @return empty when it answers within {@code timeout}, else why not
     */
    Optional<String> databaseProblem(Duration timeout);

    /** The database product, e.g. "Apache Derby" or "PostgreSQL". */
    String databaseProduct();

    WriterState writers();

    PoolState pool();

    /**
     * Lets the connection pool report to a Micrometer {@code MeterRegistry} (HikariCP's own
     * {@code hikaricp_connections_*} meters: use, waits, acquire and usage times). Typed
     * {@code Object} so that the store's API does not need Micrometer; once per pool.
     *
     * @return false when the pool already reports to a registry or {@code meterRegistry} is none
     */
    boolean trackPool(Object meterRegistry);

    /**
     * {@code listener} is told of every commit of the group commit, in the writer's thread: keep it
     * short. Closing the answer stops telling it (a server that stops leaves no listener behind).
     */
    Subscription onCommit(CommitListener listener);

    /** A listener's registration; {@link #close()} removes it. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** One commit: how many writes it held and how long its batch took from start to commit. */
    interface CommitListener {
        void committed(int writes, long nanos);
    }

    /**
     * The group commit's writer threads.
     *
     * @param writers threads that commit
     * @param alive whether every one of them still runs
     * @param queued writes waiting for a writer
     * @param oldestWaitMillis how long the oldest queued write has waited
     * @param longestBatchMillis how long the longest-running batch has run so far
     * @param commits transactions committed so far
     * @param conflicts batches rolled back for a lock conflict or a concurrent insert of one key (then run write by write)
     * @param retries writes run once more after such a conflict
     */
    record WriterState(int writers, boolean alive, int queued, long oldestWaitMillis, long longestBatchMillis,
            long commits, long conflicts, long retries) {
    }

    /** The connection pool: connections in use, idle, in all, at most, and threads waiting for one. */
    record PoolState(int active, int idle, int total, int max, int waiting) {
    }
}
