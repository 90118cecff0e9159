package org.gongji.store;

import org.gongji.api.region.RegionCode;

/**
 * A bulk import read line by line and run as a job: each line read (or refused as it was read) is
 * staged, in pieces that take their turn with the other writes, and {@link #submit} then stores the
 * job, which books the lines in chunks and survives a restart. Closing an upload not submitted
 * removes what it staged.
 */
public interface ImportUpload<T> extends AutoCloseable {

    /** Lines a chunk of the job books in one transaction. */
    int CHUNK_LINES = 1000;

    /** A line read, to be created, changed or refused when the job books it. */
    void add(ImportLine<T> line);

    /** A line refused as it was read (not JSON, a field out of range, outside the caller's region). */
    void refuse(ImportResult.Refusal refusal);

    /**
     * Stores the job over the lines staged; the same idempotency key with the same request returns
     * the first job ({@link Booked#replayed()}) and books nothing again.
     *
     * @param region the region the job is for (who may read it), or null for several
     */
    Booked<JobRecord> submit(RegionCode region, WriteContext context);

    @Override
    void close();
}
