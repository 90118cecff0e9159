package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.gongji.api.error.GongjiException;
import org.gongji.store.StoreConfig;

/**
 * The EntityManagerFactory over Derby or PostgreSQL, and the one way to run a transaction.
 */
final class Database implements AutoCloseable {

    private static final int ATTEMPTS = 5;

    private final StoreConfig config;
    private final ConnectionPool pool;
    private final EntityManagerFactory emf;

    private Database(StoreConfig config, ConnectionPool pool, EntityManagerFactory emf) {
        this.config = config;
        this.pool = pool;
        this.emf = emf;
    }

    static Database open(StoreConfig config) {
        ConnectionPool pool = new ConnectionPool(DataSources.open(config), 64);
        try {
            Schema.migrate(pool);
            EntityManagerFactory emf = new PersistenceProvider()
                    .createContainerEntityManagerFactory(new GongjiPersistenceUnit(pool), Map.of());
            return new Database(config, pool, emf);
        } catch (RuntimeException e) {
            pool.close();
            DataSources.shutdown(config);
            throw e;
        }
    }

    /**
     * Runs {@code work} in one transaction and commits it. A {@link GongjiException} rolls back and
     * is rethrown; a lock conflict or a concurrent insert of the same key rolls back and runs the
     * work again, which then sees what the other transaction committed.
     */
    <T> T write(Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            try {
                tx.begin();
                T result = work.apply(em);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                if (attempt < ATTEMPTS && retryable(e)) {
                    continue;
                }
                throw e;
            } finally {
                em.close();
            }
        }
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

    private static boolean retryable(Throwable e) {
        if (e instanceof GongjiException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // unique violation (a concurrent insert of the same key), deadlock, lock timeout, serialization
                if (state.equals("23505") || state.equals("40001") || state.equals("40XL1") || state.equals("40XL2")
                        || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        emf.close();
        pool.close();
        DataSources.shutdown(config);
    }
}
