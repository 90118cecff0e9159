package org.gongji.store;

import java.time.Instant;
import java.util.Arrays;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
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

    /**
     * What a caller waiting for this job is told of its failure: a {@link GongjiException} with the
     * job's code when that names an {@link ErrorCode} (the job was refused), an
     * {@link IllegalStateException} otherwise ({@code INTERNAL_ERROR}: the job broke).
     *
     * @throws IllegalStateException when the job is not {@code FAILED}
     */
    public RuntimeException failure() {
        if (status != JobStatus.FAILED) {
            throw new IllegalStateException("job " + id + " is " + status + ", not FAILED");
        }
        return Arrays.stream(ErrorCode.values()).filter(c -> c.name().equals(problemCode)).findFirst()
                .<RuntimeException>map(code -> new GongjiException(code, problemDetail))
                .orElseGet(() -> new IllegalStateException(kind + " job " + id + " failed: " + problemDetail));
    }
}
