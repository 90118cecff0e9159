package org.gongji.store;

import java.util.List;
import java.util.Optional;
import org.gongji.api.region.RegionCode;

/**
 * Long work (account crediting, provider payment runs, imports) as jobs: a job is stored, then a
 * runner works it in chunks, each one transaction that takes its turn with the other writes
 * (settlements wait behind at most one chunk). A chunk stores the job's cursor and tallies with
 * what it books, so after a crash or {@code kill -9} the job resumes where it stopped: on opening,
 * the store's runner takes up every {@code QUEUED} and {@code RUNNING} job, oldest first.
 *
 * <p>A kind is a handler inside the store ({@code org.gongji.store.internal.JobHandler}); the
 * services of each domain submit their own kinds ({@link AccountService#submitCrediting}).
 */
public interface JobService {

    /**
     * Checks the input with the kind's handler (a refusal throws and stores nothing), then stores
     * a {@code QUEUED} job. The same idempotency key with the same request returns the first job,
     * {@link Booked#replayed()}.
     *
     * @param region the region the job works for, or null
     * @throws org.gongji.api.error.GongjiException the kind's refusals, {@code INVALID_REQUEST} for an unknown kind
     */
    Booked<JobRecord> submit(String kind, RegionCode region, String input, WriteContext context);

    Optional<JobRecord> find(String jobId);

    /** How many jobs of each kind stand where, over all jobs stored (what metrics report). */
    List<Tally> tallies();

    /** {@code jobs} jobs of {@code kind} are {@code status}. */
    record Tally(String kind, JobStatus status, long jobs) {
    }

    /** Waits until the job is {@code DONE} or {@code FAILED} and returns it. */
    JobRecord await(String jobId);

    /**
     * Waits until the job ends and returns it when {@code DONE}; throws its {@link JobRecord#failure()}
     * when {@code FAILED}: the one place where a failed job becomes the caller's error.
     */
    default JobRecord awaitDone(String jobId) {
        JobRecord job = await(jobId);
        if (job.status() == JobStatus.FAILED) {
            throw job.failure();
        }
        return job;
    }
}
