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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.gongji.api.error.GongjiException;

/**
 * Group commit: concurrent writes share one transaction and so one log sync. Writes queue up for
 * a writer thread (one by default; on PostgreSQL several may commit side by side), which takes whatever is queued (up to {@code maxBatch}, without waiting for
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
    private final Object taking = new Object();
    private final List<Thread> writers;
    /** Per writer: when the batch it runs now began ({@link System#nanoTime()}), 0 while it waits for writes. */
    private final AtomicLongArray runningSince;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final List<CommitObserver> observers = new CopyOnWriteArrayList<>();
    private boolean closed;

    GroupCommit(EntityManagerFactory emf, int maxBatch) {
        this(emf, maxBatch, 1);
    }

    /**
     * @param writers threads committing batches side by side: one suits Derby (one log); on PostgreSQL,
     *        which groups the commits of several sessions itself, more may help
     */
    GroupCommit(EntityManagerFactory emf, int maxBatch, int writers) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one write, not " + maxBatch);
        }
        if (writers < 1) {
            throw new IllegalArgumentException("at least one writer, not " + writers);
        }
        this.emf = emf;
        this.maxBatch = maxBatch;
        this.runningSince = new AtomicLongArray(writers);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int slot = i;
            Thread writer = new Thread(() -> run(slot), writers == 1 ? "gongji-group-commit" : "gongji-group-commit-" + (i + 1));
            writer.setDaemon(true);
            threads.add(writer);
        }
        this.writers = List.copyOf(threads);
        this.writers.forEach(Thread::start);
    }

    /** Told of every commit: how many writes it held and how long the batch took. */
    interface CommitObserver {
        void committed(int writes, long nanos);
    }

    void observe(CommitObserver observer) {
        observers.add(observer);
    }

    void unobserve(CommitObserver observer) {
        observers.remove(observer);
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
        if (writers.contains(Thread.currentThread())) {
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

    /** Writes waiting for a writer. */
    int queued() {
        return queue.size();
    }

    /** Transactions committed so far. */
    long commits() {
        return commits.get();
    }

    /** Writes run again alone after a lock conflict or a concurrent insert of the same key. */
    long retries() {
        return retries.get();
    }

    /** Batches rolled back for a lock conflict or a concurrent insert of the same key, their writes then run alone. */
    long conflicts() {
        return conflicts.get();
    }

    int writerCount() {
        return writers.size();
    }

    /** How long the oldest write still queued has waited, in nanoseconds; 0 when none waits. */
    long oldestWaitNanos() {
        Write<?> oldest = queue.peek();
        return oldest == null ? 0 : Math.max(0, System.nanoTime() - oldest.queuedAt);
    }

    /** How long the longest-running batch has run so far, in nanoseconds; 0 when every writer waits. */
    long longestBatchNanos() {
        long now = System.nanoTime();
        long longest = 0;
        for (int i = 0; i < runningSince.length(); i++) {
            long since = runningSince.get(i);
            if (since != 0) {
                longest = Math.max(longest, now - since);
            }
        }
        return longest;
    }

    /** Whether every writer thread still runs (false after {@link #close()} or an error that killed one). */
    boolean writersAlive() {
        return writers.stream().allMatch(Thread::isAlive);
    }

    private void run(int slot) {
        List<Write<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Write<?> first;
            // one writer at a time takes from the queue: what it peeks at is what it polls
            synchronized (taking) {
                first = takeUninterruptibly();
                if (first != Write.STOP && !first.alone) {
                    batch.add(first);
                    for (Write<?> w = queue.peek(); w != null && !w.alone && batch.size() < maxBatch; w = queue.peek()) {
                        batch.add(queue.poll());
                    }
                }
            }
            if (first == Write.STOP) {
                return;
            }
            if (first.alone) {
                runningSince.set(slot, System.nanoTime());
                try {
                    alone(first);
                } finally {
                    runningSince.set(slot, 0);
                }
                continue;
            }
            int stops = 0;
            while (batch.remove(Write.STOP)) {
                stops++;
            }
            for (int i = 1; i < stops; i++) {
                queue.add(Write.STOP); // the other writers' stops
            }
            long started = System.nanoTime();
            runningSince.set(slot, started);
            try {
                commit(batch);
            } catch (RuntimeException | Error e) {
                batch.forEach(write -> write.fail(e)); // no caller waits forever; completed writes keep their result
            } finally {
                runningSince.set(slot, 0);
            }
            int size = batch.size();
            long took = System.nanoTime() - started;
            for (CommitObserver observer : observers) {
                try {
                    observer.committed(size, took);
                } catch (RuntimeException ignored) {
                    // an observer's failure is no write's failure
                }
            }
            batch.clear();
            if (stops > 0) {
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
            boolean committing = false;
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
                committing = true;
                tx.commit();
                commits.incrementAndGet();
            } catch (SQLException e) {
                rollbackQuietly(tx);
                todo.removeAll(refused);
                todo.forEach(this::alone); // no savepoint: each alone, as after a failed commit
                return;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(tx);
                todo.removeAll(refused); // refused whatever the others do: they run no more
                if (committing && connectionLost(e)) {
                    // the connection broke in the commit: it may have committed or not; running the
                    // writes again could book them twice, so their callers hear of the failure (a
                    // client retrying with its Idempotency-Key then gets the booking if it was made)
                    todo.forEach(write -> write.fail(e));
                    return;
                }
                if (running == null || retryable(e) || connectionLost(e)) {
                    // a failed commit names no write, a conflict may be the batch's making, a broken
                    // connection committed nothing: each alone (on a fresh connection)
                    if (running != null && retryable(e)) {
                        conflicts.incrementAndGet();
                    }
                    todo.forEach(this::alone);
                    return;
                }
                todo.remove(running);
                running.fail(e);
                continue;
            } finally {
                closeQuietly(em);
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
            EntityManager em = null;
            EntityTransaction tx = null;
            boolean committing = false;
            try {
                em = emf.createEntityManager();
                tx = em.getTransaction();
                tx.begin();
                T result = write.work.apply(em);
                committing = true;
                tx.commit();
                commits.incrementAndGet();
                write.complete(result);
                return;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(tx);
                boolean again = retryable(e) || (!committing && connectionLost(e));
                if (attempt < ATTEMPTS && again) {
                    retries.incrementAndGet();
                    continue;
                }
                write.fail(e);
                return;
            } finally {
                closeQuietly(em);
            }
        }
    }

    private static void rollbackQuietly(EntityTransaction tx) {
        try {
            if (tx != null && tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException ignored) {
            // a broken connection cannot roll back; the database drops the transaction with it
        }
    }

    private static void closeQuietly(EntityManager em) {
        try {
            if (em != null) {
                em.close();
            }
        } catch (RuntimeException ignored) {
            // nothing is left to release
        }
    }

    /** A failure of the connection or the server (PostgreSQL restarting), not of the write. */
    static boolean connectionLost(Throwable e) {
        if (e instanceof GongjiException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // connection exception class; admin shutdown, crash shutdown, cannot connect now
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true; // HikariCP: no connection within the time-out
            }
        }
        return false;
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
            writers.forEach(w -> queue.add(Write.STOP));
        }
        boolean interrupted = false;
        for (Thread writer : writers) {
            while (writer.isAlive()) {
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
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
        final long queuedAt = System.nanoTime();
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
