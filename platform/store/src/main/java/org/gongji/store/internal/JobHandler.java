package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.util.function.BiFunction;
import org.gongji.api.region.RegionCode;
import org.gongji.store.WriteContext;

/**
 * One kind of job. The runner calls {@link #start} once, then {@link #next} until it answers null,
 * then {@link #finish}. {@code next} reads and computes outside the writer; the chunk's
 * {@link Chunk#booking} then runs alone in one write transaction, with the job's new cursor, done
 * count and state stored in the same transaction: a chunk is booked entirely or not at all, and a
 * job resumed after a crash starts from the last committed cursor. A {@code GongjiException}
 * thrown anywhere fails the job with its code.
 */
interface JobHandler {

    String kind();

    /**
     * Whether the handler reads its input part by part itself (an import of a million lines), so that
     * {@link Job#input()} is null rather than the whole input in memory.
     */
    default boolean readsInputInParts() {
        return false;
    }

    /** Refuses a bad input at submission (throws {@code GongjiException}); nothing is stored then. */
    void check(RegionCode region, String input);

    /** Counts the work and gives the state to start from, when the job starts. */
    Start start(Job job);

    /**
     * The chunk after the job's cursor, or null when no work is left. May run while the chunk
     * before is being booked (the job's cursor is then that chunk's, its state the one before):
     * it reads the cursor, the input and what {@link #start} put in the state, nothing else.
     */
    Chunk next(Job job);

    /** The job's result from its final state, in the write that marks it {@code DONE} (audit rows may go with it). */
    String finish(EntityManager em, Job job);

    /** A job as the handler sees it: its input and what the last committed chunk left. */
    record Job(String id, RegionCode region, String input, String cursor, long done, long total, String state,
            String actor, String idempotencyKey, String clientId) {

        /** The write of the client that submitted the job, for the audit rows of its chunks. */
        WriteContext context() {
            return new WriteContext(idempotencyKey, idempotencyKey == null ? null : "-", actor, clientId);
        }
    }

    record Start(long total, String state) {
    }

    /**
     * @param cursor where the next chunk starts, stored with the booking
     * @param units work this chunk does, added to the job's done count
     * @param booking books the chunk; takes the job's state before, returns the state after
     */
    record Chunk(String cursor, long units, BiFunction<EntityManager, String, String> booking) {
    }
}
