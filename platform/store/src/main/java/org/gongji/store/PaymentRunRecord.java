package org.gongji.store;

import java.time.Instant;
import org.gongji.api.region.RegionCode;
import org.gongji.payment.PaymentRun;

/**
 * A stored payment run.
 *
 * @param region the region the run was asked for (a city served by its province's rules keeps its own code)
 */
public record PaymentRunRecord(String id, RegionCode region, PaymentRun run, Instant ranAt) {
}
