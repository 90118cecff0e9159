package org.gongji.store;

import java.time.Instant;

/**
 * A client of the API: a system or a person that holds one bearer token. The token itself is
 * never kept, only its SHA-256.
 *
 * @param region for {@code BUREAU} and {@code AUDITOR}: the six-digit region code (the region and its cities)
 * @param institutionId for {@code INSTITUTION}: the institution it acts for
 * @param expiresAt null: the token does not expire
 * @param revokedAt null unless revoked
 */
public record Client(String clientId, String name, Role role, String region, String institutionId, Instant createdAt,
        Instant expiresAt, Instant revokedAt) {

    /** Whether its token is accepted at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
