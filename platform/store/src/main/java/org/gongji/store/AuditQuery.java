package org.gongji.store;

import java.time.Instant;

/**
 * Which audit entries, oldest first.
 *
 * @param from inclusive, null for no lower bound
 * @param to exclusive, null for no upper bound
 * @param clientId only this client's writes; null for every client's
 * @param region only writes of this region and the cities under it ({@link RegionScope}); null for all
 * @param offset entries to skip
 * @param limit at most this many
 */
public record AuditQuery(Instant from, Instant to, String clientId, String region, int offset, int limit) {
}
