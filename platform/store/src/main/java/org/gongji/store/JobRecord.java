package org.gongji.store;

import java.time.Instant;
import org.gongji.api.region.RegionCode;

/**
 * A job as stored.
 *
 * @param region the region the job works for (who may read it), null for none
 * @param done units of work done (persons credited or skipped, lines imported)
 * @param total units of work counted when the job started; 0 before
 * @param result what the job's kind answers once {@code DONE}, in the kind's own encoding (the
 *               service of the kind decodes it, e.g. {@link AccountService#creditingResult})
 * @param problemCode why the job {@code FAILED}: an {@code ErrorCode} name, or {@code INTERNAL_ERROR}
 */
public record JobRecord(String id, String kind, RegionCode region, JobStatus status, long done, long total,
        Instant createdAt, Instant startedAt, Instant finishedAt, String result, String problemCode,
        String problemDetail) {
}
