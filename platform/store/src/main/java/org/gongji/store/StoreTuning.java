package org.gongji.store;

/**
 * How the store uses its database: group commit and the connection pool.
 *
 * @param writeBatch at most this many concurrent writes share one transaction (group commit)
 * @param poolSize at most this many connections to the database (HikariCP's maximum pool size)
 * @param poolLifetimeSeconds a connection is retired after this long (HikariCP's maximum lifetime)
 * @param connectionTimeoutSeconds a request waits at most this long for a connection
 * @param writers group-commit writer threads: 1 on Derby (one log); on PostgreSQL several may commit side by side
 */
public record StoreTuning(int writeBatch, int poolSize, long poolLifetimeSeconds, int connectionTimeoutSeconds,
        int writers) {

    public static final int DEFAULT_WRITE_BATCH = 64;
    public static final int DEFAULT_POOL_SIZE = 40;
    public static final long DEFAULT_POOL_LIFETIME_SECONDS = 1800;
    public static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_WRITERS = 1;

    public StoreTuning {
        if (writeBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one write, not " + writeBatch);
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("the writer and a reader need two connections at least, not " + poolSize);
        }
        if (poolLifetimeSeconds < 30) {
            throw new IllegalArgumentException("a pooled connection lives 30 s at least (HikariCP), not " + poolLifetimeSeconds);
        }
        if (connectionTimeoutSeconds < 1) {
            throw new IllegalArgumentException("the connection time-out is 1 s at least, not " + connectionTimeoutSeconds);
        }
        if (writers < 1 || writers >= poolSize) {
            throw new IllegalArgumentException("from one writer to one less than the pool size (" + poolSize + "), not " + writers);
        }
    }

    public static StoreTuning defaults() {
        return new StoreTuning(DEFAULT_WRITE_BATCH, DEFAULT_POOL_SIZE, DEFAULT_POOL_LIFETIME_SECONDS,
                DEFAULT_CONNECTION_TIMEOUT_SECONDS, DEFAULT_WRITERS);
    }

    public StoreTuning withWriteBatch(int batch) {
        return new StoreTuning(batch, poolSize, poolLifetimeSeconds, connectionTimeoutSeconds, writers);
    }

    public StoreTuning withWriters(int count) {
        return new StoreTuning(writeBatch, poolSize, poolLifetimeSeconds, connectionTimeoutSeconds, count);
    }
}
