package org.gongji.store;

import java.time.Instant;

/**
 * One write in the audit log.
 *
 * @param clientId the API client that wrote (null: the platform itself)
 * @param actor the operator within the client ({@code X-Actor})
 * @param region the region whose data the write changed, where it has one
 */
public record AuditEntry(String id, Instant at, String clientId, String actor, String action, String target,
        String region, String detail, String idempotencyKey) {
}
