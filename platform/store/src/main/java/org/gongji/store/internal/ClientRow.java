package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An API client and the SHA-256 (hex) of its token; {@code changed_at} is what other nodes poll for. */
@Entity
@Table(name = "gj_client")
public class ClientRow {

    @Id
    String id;
    String name;
    @Column(name = "client_role")
    String role;
    String region;
    @Column(name = "institution_id")
    String institutionId;
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "created_at")
    LocalDateTime createdAt;
    @Column(name = "expires_at")
    LocalDateTime expiresAt;
    @Column(name = "revoked_at")
    LocalDateTime revokedAt;
    @Column(name = "changed_at")
    LocalDateTime changedAt;
}
