package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.gongji.api.error.GongjiException;
import org.gongji.store.StoreConfig;
import org.gongji.store.StoreTuning;

/**
 * The EntityManagerFactory over Derby or PostgreSQL, and the one way to run a transaction.
 */
final class Database implements AutoCloseable {

    private final StoreConfig config;
    private final DataSource direct;
    private final Connections pool;
    private final EntityManagerFactory emf;
    private final GroupCommit writes;
    private final Monitor monitor;

    private Database(StoreConfig config, DataSource direct, Connections pool, EntityManagerFactory emf, StoreTuning tuning) {
        this.config = config;
        this.direct = direct;
        this.pool = pool;
        this.emf = emf;
        this.writes = new GroupCommit(emf, tuning.writeBatch(), tuning.writers());
        this.monitor = new Monitor(direct, pool, writes, config.embedded() ? "Apache Derby" : "PostgreSQL");
    }

    static Database open(StoreConfig config, StoreTuning tuning) {
        DataSource direct;
        Connections pool;
        try {
            direct = DataSources.open(config);
            pool = new Connections(direct, tuning);
        } catch (RuntimeException e) {
            DataSources.shutdown(config);
            throw e;
        }
        try {
            Schema.migrate(pool.dataSource());
            EntityManagerFactory emf = new PersistenceProvider()
                    .createContainerEntityManagerFactory(new GongjiPersistenceUnit(pool.dataSource()), Map.of());
            return new Database(config, direct, pool, emf, tuning);
        } catch (RuntimeException e) {
            pool.close();
            DataSources.shutdown(config);
            throw e;
        }
    }

    Monitor monitor() {
        return monitor;
    }

    StoreConfig config() {
        return config;
    }

    /** The database's own DataSource, beside the pool (health, backup). */
    DataSource direct() {
        return direct;
    }

    Connections pool() {
        return pool;
    }

    /**
     * Runs {@code work} in a transaction and returns once it is committed: concurrent writes share
     * one transaction and one log sync ({@link GroupCommit}). A {@link GongjiException} or any other
     * failure books nothing of the work and is rethrown; a lock conflict or a concurrent insert of the
     * same key runs the work again, which then sees what the other transaction committed.
     */
    <T> T write(Function<EntityManager, T> work) {
        return writes.write(work);
    }

    /** As {@link #write}, in a transaction of its own between the shared ones (see {@link GroupCommit#writeAlone}). */
    <T> T writeAlone(Function<EntityManager, T> work) {
        return writes.writeAlone(work);
    }

    GroupCommit writes() {
        return writes;
    }

    /** Runs {@code work} without writing. */
    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        writes.close();
        emf.close();
        pool.close();
        DataSources.shutdown(config);
    }
}
