package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.region.RegionCode;
import org.junit.jupiter.api.Test;

/** What a caller waiting for a job is told when it failed: the one mapping of a job's problem to an error. */
class JobRecordTest {

    private static JobRecord job(JobStatus status, String code, String detail) {
        Instant t = Instant.parse("2024-06-15T02:00:00Z");
        return new JobRecord("J1", "account-credit", RegionCode.of("410800"), status, 0, 10, t, t, t, null, code, detail);
    }

    @Test
    void aJobRefusedWithAnErrorCodeFailsWithThatCode() {
        RuntimeException failure = job(JobStatus.FAILED, "BENEFIT_NOT_COVERED", "no crediting").failure();

        assertThat(failure).isInstanceOf(GongjiException.class).hasMessageContaining("no crediting");
        assertThat(((GongjiException) failure).code()).isEqualTo(ErrorCode.BENEFIT_NOT_COVERED);
    }

    @Test
    void aJobThatBrokeIsAnInternalErrorNotARefusal() {
        RuntimeException failure = job(JobStatus.FAILED, "INTERNAL_ERROR", "disk full").failure();

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("J1")
                .hasMessageContaining("disk full");
    }

    @Test
    void aJobNotFailedHasNoFailure() {
        assertThatThrownBy(() -> job(JobStatus.DONE, null, null).failure()).isInstanceOf(IllegalStateException.class);
    }
}
