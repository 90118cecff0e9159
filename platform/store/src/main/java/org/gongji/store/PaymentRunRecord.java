package org.gongji.store;

import java.time.Instant;
import org.gongji.api.region.RegionCode;
import org.gongji.payment.PaymentRun;

/**
 * A stored payment run.
 *
 * @param confirmedAt when the run was confirmed (its period closed), null while a draft
 * @param revokedAt when the run was revoked, null unless {@code REVOKED}
 * @param region the region the run was asked for (a city served by its province's rules keeps its own code)
 */
public record PaymentRunRecord(String id, RegionCode region, PaymentRun run, Instant ranAt, PaymentRunStatus status,
        Instant confirmedAt, Instant revokedAt) {
}
