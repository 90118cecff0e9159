package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gongji.api.error.GongjiException;

/**
 * Group commit: concurrent writes share one transaction and so one log sync. Writes queue up for
 * one writer thread, which takes whatever is queued (up to {@code maxBatch}, without waiting for
 * more), runs the writes one after the other in one transaction and commits once.
 *
 * <p>Each write still commits entirely or not at all, as if alone: it is flushed and the
 * persistence context cleared before the next runs, so the next reads what it wrote from the
 * database. A write refused ({@code GongjiException}) is undone to a savepoint taken before it and
 * the others go on in the same transaction: each write runs once. A write that fails otherwise is
 * taken out, the transaction rolled back, and the others run again in a fresh one (a write reads
 * its state afresh, so it may run again); only its caller sees the exception. A lock conflict or a concurrent insert of the same key (another node on the same
 * PostgreSQL database) rolls the batch back, and each write of it then runs alone with retries.
 */
final class GroupCommit implements AutoCloseable {

    static final int DEFAULT_MAX_BATCH = org.gongji.store.StoreTuning.DEFAULT_WRITE_BATCH;
    private static final int ATTEMPTS = 5;

    private final EntityManagerFactory emf;
    private final int maxBatch;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Object submitting = new Object();
    private final Thread writer;
    private final AtomicLong commits = new AtomicLong();
    private boolean closed;

    GroupCommit(EntityManagerFactory emf, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one write, not " + maxBatch);
        }
        this.emf = emf;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, "gongji-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs {@code work} in a transaction shared with other writes queued meanwhile; returns once committed. */
    <T> T write(Function<EntityManager, T> work) {
        return submit(new Write<>(work, false));
    }

    /**
     * Runs {@code work} in a transaction of its own, between the batches: a large write (a chunk of
     * a job) that the writes queued before it do not wait for, and that those queued after it wait
     * for alone.
     */
    <T> T writeAlone(Function<EntityManager, T> work) {
        return submit(new Write<>(work, true));
    }

    private <T> T submit(Write<T> write) {
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("a write cannot start another write");
        }
        synchronized (submitting) {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            queue.add(write);
        }
        return write.await();
    }

    /** Writes waiting for the writer. */
    int queued() {
        return queue.size();
    }

    /** Transactions committed so far. */
    long commits() {
        return commits.get();
    }

    private void run() {
        List<Write<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Write<?> first = takeUninterruptibly();
            if (first == Write.STOP) {
                return;
            }
            if (first.alone) {
                alone(first);
                continue;
            }
            batch.add(first);
            // only this thread takes from the queue: what it peeks at is what it polls
            for (Write<?> w = queue.peek(); w != null && !w.alone && batch.size() < maxBatch; w = queue.peek()) {
                batch.add(queue.poll());
            }
            boolean stop = batch.remove(Write.STOP);
            try {
                commit(batch);
            } catch (RuntimeException | Error e) {
                batch.forEach(write -> write.fail(e)); // no caller waits forever; completed writes keep their result
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void commit(List<Write<?>> batch) {
        List<Write<?>> todo = new ArrayList<>(batch);
        while (!todo.isEmpty()) {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            List<Object> results = new ArrayList<>(todo.size());
            Write<?> running = null;
            List<Write<?>> refused = new ArrayList<>();
            try {
                tx.begin();
                Connection connection = em.unwrap(Connection.class);
                for (Write<?> write : todo) {
                    running = write;
                    Savepoint before = connection.setSavepoint();
                    try {
                        results.add(write.work.apply(em));
                        em.flush();
                    } catch (GongjiException refusal) {
                        if (tx.getRollbackOnly()) {
                            throw refusal;
                        }
                        // a refusal books nothing of its own: undo what it wrote, the others stay
                        connection.rollback(before);
                        results.add(null);
                        refused.add(write);
                        write.fail(refusal);
                    }
                    em.clear();
                }
                running = null;
                tx.commit();
                commits.incrementAndGet();
            } catch (SQLException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                todo.removeAll(refused);
                todo.forEach(this::alone); // no savepoint: each alone, as after a failed commit
                return;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                todo.removeAll(refused); // refused whatever the others do: they run no more
                if (running == null || retryable(e)) {
                    // a failed commit names no write, a conflict may be the batch's making: each alone
                    todo.forEach(this::alone);
                    return;
                }
                todo.remove(running);
                running.fail(e);
                continue;
            } finally {
                em.close();
            }
            for (int i = 0; i < todo.size(); i++) {
                if (!refused.contains(todo.get(i))) {
                    todo.get(i).complete(results.get(i));
                }
            }
            return;
        }
    }

    /** Runs one write in its own transaction, again after a lock conflict or a concurrent insert of the same key. */
    private <T> void alone(Write<T> write) {
        for (int attempt = 1; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            try {
                tx.begin();
                T result = write.work.apply(em);
                tx.commit();
                commits.incrementAndGet();
                write.complete(result);
                return;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                if (attempt < ATTEMPTS && retryable(e)) {
                    continue;
                }
                write.fail(e);
                return;
            } finally {
                em.close();
            }
        }
    }

    static boolean retryable(Throwable e) {
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

    private Write<?> takeUninterruptibly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Commits what is queued, then stops the writer; later writes are refused. */
    @Override
    public void close() {
        synchronized (submitting) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(Write.STOP);
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Write<T> {

        static final Write<Void> STOP = new Write<>(em -> null, false);

        final Function<EntityManager, T> work;
        final boolean alone;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();

        Write(Function<EntityManager, T> work, boolean alone) {
            this.work = work;
            this.alone = alone;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            outcome.complete((T) result);
        }

        void fail(Throwable e) {
            outcome.completeExceptionally(e);
        }

        /** The result, or the write's own exception rethrown in the caller's thread. */
        T await() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return outcome.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the write may commit all the same: wait for its outcome
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException r) {
                            throw r;
                        }
                        if (cause instanceof Error err) {
                            throw err;
                        }
                        throw new IllegalStateException(cause);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
