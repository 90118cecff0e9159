package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.region.RegionCode;
import org.gongji.store.Booked;
import org.gongji.store.JobRecord;
import org.gongji.store.JobService;
import org.gongji.store.JobStatus;
import org.gongji.store.WriteContext;

/**
 * Stores jobs and runs them, one at a time, on one runner thread; see {@link JobService} and
 * {@link JobHandler}. The runner takes the oldest {@code QUEUED} or {@code RUNNING} job; it wakes on
 * a submission, and every second to take up jobs another node left behind.
 */
final class JpaJobService implements JobService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JpaJobService.class.getName());
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private final Database db;
    private final Journal journal;
    private final Clock clock;
    private final RowIds ids;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Object signal = new Object();
    private final ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongji-jobs-prefetch");
        t.setDaemon(true);
        return t;
    });
    private Thread runner;
    private volatile boolean stopping;

    JpaJobService(Database db, Journal journal, Clock clock) {
        this.db = db;
        this.journal = journal;
        this.clock = clock;
        this.ids = new RowIds(clock);
    }

    /** Adds a kind; all kinds are added before {@link #start()}. */
    void register(JobHandler handler) {
        if (handlers.putIfAbsent(handler.kind(), handler) != null) {
            throw new IllegalArgumentException("two handlers of job kind " + handler.kind());
        }
    }

    /** Starts the runner: it first takes up the jobs a previous run left queued or running. */
    synchronized void start() {
        if (runner == null) {
            runner = new Thread(this::run, "gongji-jobs");
            runner.setDaemon(true);
            runner.start();
        }
    }

    @Override
    public Booked<JobRecord> submit(String kind, RegionCode region, String input, WriteContext context) {
        return submit(kind, region, input, context, "job:" + kind);
    }

    /** As {@link #submit(String, RegionCode, String, WriteContext)}, under the idempotency operation name given. */
    Booked<JobRecord> submit(String kind, RegionCode region, String input, WriteContext context, String operation) {
        JobHandler handler = handlers.get(kind);
        if (handler == null) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "no job kind " + kind);
        }
        handler.check(region, input);
        String id = ids.next();
        Booked<JobRecord> booked = db.write(em -> {
            Optional<String> seen = journal.claim(em, context, operation, id);
            if (seen.isPresent()) {
                JobRow first = em.find(JobRow.class, seen.get());
                if (first == null) {
                    throw new GongjiException(ErrorCode.IDEMPOTENCY_CONFLICT, "the idempotency key "
                            + context.idempotencyKey() + " was used before jobs existed; use another key");
                }
                return new Booked<>(record(first), true);
            }
            JobRow row = queued(id, kind, region, context);
            em.persist(row);
            String text = input == null ? "" : input;
            for (int part = 0; part * JobInputRow.PART < text.length() || part == 0; part++) {
                JobInputRow p = new JobInputRow();
                p.jobId = id;
                p.partNo = part;
                p.text = text.substring(part * JobInputRow.PART, Math.min(text.length(), (part + 1) * JobInputRow.PART));
                em.persist(p);
            }
            return new Booked<>(record(row), false);
        });
        synchronized (signal) {
            signal.notifyAll();
        }
        return booked;
    }

    /** A fresh job id, for an input staged before its job is submitted ({@link #stage}). */
    String newId() {
        return ids.next();
    }

    /**
     * Stores parts of the input of a job not yet submitted, from part {@code firstPart} on, in a
     * transaction of their own: a large input (an import) goes in pieces, none holding the writer long.
     */
    void stage(String jobId, int firstPart, List<String> parts) {
        db.writeAlone(em -> {
            for (int i = 0; i < parts.size(); i++) {
                JobInputRow p = new JobInputRow();
                p.jobId = jobId;
                p.partNo = firstPart + i;
                p.text = parts.get(i);
                em.persist(p);
            }
            return null;
        });
    }

    /** Removes the staged input of a job never submitted (or whose submission replayed an earlier one). */
    void discard(String jobId) {
        db.writeAlone(em -> em.createQuery("DELETE FROM JobInputRow p WHERE p.jobId = :j").setParameter("j", jobId)
                .executeUpdate());
    }

    /**
     * Stores a {@code QUEUED} job over the input staged under {@code jobId}, with the state its
     * handler starts from; the same idempotency key with the same request returns the first job
     * and discards the staged input.
     */
    Booked<JobRecord> submitStaged(String kind, RegionCode region, String jobId, String state, WriteContext context,
            String operation) {
        Booked<JobRecord> booked = db.write(em -> {
            Optional<String> seen = journal.claim(em, context, operation, jobId);
            if (seen.isPresent()) {
                JobRow first = em.find(JobRow.class, seen.get());
                if (first == null) {
                    throw new GongjiException(ErrorCode.IDEMPOTENCY_CONFLICT, "the idempotency key "
                            + context.idempotencyKey() + " was used before jobs existed; use another key");
                }
                return new Booked<>(record(first), true);
            }
            JobRow row = queued(jobId, kind, region, context);
            row.state = state;
            em.persist(row);
            return new Booked<>(record(row), false);
        });
        if (booked.replayed()) {
            discard(jobId);
        }
        synchronized (signal) {
            signal.notifyAll();
        }
        return booked;
    }

    private JobRow queued(String id, String kind, RegionCode region, WriteContext context) {
        JobRow row = new JobRow();
        row.id = id;
        row.kind = kind;
        row.region = region == null ? null : region.value();
        row.status = JobStatus.QUEUED.name();
        row.actor = context.actor();
        row.clientId = context.clientId();
        row.idempotencyKey = context.idempotencyKey();
        row.createdAt = Rows.utc(clock.instant());
        return row;
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return db.read(em -> Optional.ofNullable(em.find(JobRow.class, jobId)).map(JpaJobService::record));
    }

    @Override
    public List<Tally> tallies() {
        return db.read(em -> em.createQuery("SELECT j.kind, j.status, COUNT(j) FROM JobRow j GROUP BY j.kind, j.status",
                Object[].class).getResultList().stream()
                .map(r -> new Tally((String) r[0], JobStatus.valueOf((String) r[1]), ((Number) r[2]).longValue()))
                .toList());
    }

    @Override
    public JobRecord await(String jobId) {
        while (true) {
            JobRecord job = find(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
            if (job.status().ended()) {
                return job;
            }
            if (stopping) {
                throw new IllegalStateException("the store is closing; job " + jobId + " resumes on the next start");
            }
            synchronized (signal) {
                try {
                    signal.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for job " + jobId, e);
                }
            }
        }
    }

    private void run() {
        while (!stopping) {
            Optional<String> next;
            try {
                next = db.read(em -> em.createQuery("SELECT j.id FROM JobRow j WHERE j.status IN :s"
                        + " ORDER BY j.createdAt, j.id", String.class)
                        .setParameter("s", List.of(JobStatus.QUEUED.name(), JobStatus.RUNNING.name()))
                        .setMaxResults(1).getResultList().stream().findFirst());
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.log(Level.WARNING, "cannot read the queued jobs", e);
                next = Optional.empty();
            }
            if (next.isPresent()) {
                work(next.get());
                continue;
            }
            synchronized (signal) {
                try {
                    signal.wait(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Runs one job to its end, or until the store closes (it then resumes on the next start). */
    private void work(String jobId) {
        try {
            JobRow row = db.read(em -> em.find(JobRow.class, jobId));
            JobHandler handler = handlers.get(row.kind);
            if (handler == null) {
                fail(jobId, INTERNAL_ERROR, "no handler for job kind " + row.kind + " in this platform");
                return;
            }
            String input = handler.readsInputInParts() ? null : input(jobId);
            if (JobStatus.QUEUED.name().equals(row.status)) {
                JobHandler.Start start = handler.start(job(row, input));
                row = db.write(em -> {
                    JobRow r = lock(em, jobId);
                    if (JobStatus.QUEUED.name().equals(r.status)) {
                        r.status = JobStatus.RUNNING.name();
                        r.startedAt = Rows.utc(clock.instant());
                        r.total = start.total();
                        r.state = start.state();
                    }
                    return r;
                });
            }
            // the next chunk is read and computed while the writer books this one
            JobHandler.Job job = job(row, input);
            CompletableFuture<JobHandler.Chunk> next = CompletableFuture.completedFuture(handler.next(job));
            while (!stopping && JobStatus.RUNNING.name().equals(row.status)) {
                JobHandler.Chunk chunk = join(next);
                JobHandler.Job before = job;
                if (chunk != null) {
                    JobHandler.Job after = new JobHandler.Job(job.id(), job.region(), input, chunk.cursor(),
                            job.done() + chunk.units(), job.total(), job.state(), job.actor(), job.idempotencyKey(),
                            job.clientId());
                    next = CompletableFuture.supplyAsync(() -> handler.next(after), prefetch);
                }
                row = db.writeAlone(em -> {
                    JobRow r = lock(em, jobId);
                    if (!JobStatus.RUNNING.name().equals(r.status) || !Objects.equals(r.cursor, before.cursor())) {
                        return r; // another node moved the job on: carry on from where it is
                    }
                    if (chunk == null) {
                        r.result = handler.finish(em, before);
                        r.status = JobStatus.DONE.name();
                        r.finishedAt = Rows.utc(clock.instant());
                    } else {
                        r.state = chunk.booking().apply(em, r.state);
                        r.cursor = chunk.cursor();
                        r.done += chunk.units();
                    }
                    return r;
                });
                job = job(row, input);
                if (chunk == null || !Objects.equals(row.cursor, chunk.cursor())) {
                    join(next); // computed for a cursor the job is not at: compute again from where it is
                    next = CompletableFuture.completedFuture(JobStatus.RUNNING.name().equals(row.status)
                            ? handler.next(job) : null);
                }
            }
        } catch (GongjiException e) {
            fail(jobId, e.code().name(), e.getMessage());
        } catch (RuntimeException | Error e) {
            if (stopping) {
                return; // the store closed under the job: it resumes on the next start
            }
            LOG.log(Level.SEVERE, "job " + jobId + " failed", e);
            fail(jobId, INTERNAL_ERROR, e.toString());
        } finally {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** The chunk, or the handler's own exception. */
    private static JobHandler.Chunk join(CompletableFuture<JobHandler.Chunk> chunk) {
        try {
            return chunk.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void fail(String jobId, String code, String detail) {
        try {
            db.write(em -> {
                JobRow r = lock(em, jobId);
                r.status = JobStatus.FAILED.name();
                r.problemCode = code;
                r.problemDetail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
                r.finishedAt = Rows.utc(clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot mark job " + jobId + " failed", e);
        }
    }

    private String input(String jobId) {
        return db.read(em -> {
            StringBuilder text = new StringBuilder();
            em.createQuery("SELECT p FROM JobInputRow p WHERE p.jobId = :j ORDER BY p.partNo", JobInputRow.class)
                    .setParameter("j", jobId).getResultList().forEach(p -> text.append(p.text));
            return text.toString();
        });
    }

    private static JobRow lock(EntityManager em, String jobId) {
        return em.find(JobRow.class, jobId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static JobHandler.Job job(JobRow r, String input) {
        return new JobHandler.Job(r.id, r.region == null ? null : RegionCode.of(r.region), input, r.cursor, r.done,
                r.total, r.state, r.actor, r.idempotencyKey, r.clientId);
    }

    static JobRecord record(JobRow r) {
        return new JobRecord(r.id, r.kind, r.region == null ? null : RegionCode.of(r.region), JobStatus.valueOf(r.status),
                r.done, r.total, Rows.instant(r.createdAt), Rows.instant(r.startedAt), Rows.instant(r.finishedAt),
                r.result, r.problemCode, r.problemDetail);
    }

    /** Stops the runner after its current chunk; an unfinished job stays as it is and resumes on the next start. */
    @Override
    public void close() {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = runner;
        }
        synchronized (signal) {
            signal.notifyAll();
        }
        if (t != null) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        prefetch.shutdown();
    }
}
