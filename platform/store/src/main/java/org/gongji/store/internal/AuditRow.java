package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** Who wrote what, when: one row per write, in the write's transaction. */
@Entity
@Table(name = "gj_audit")
public class AuditRow {

    @Id
    String id;
    @Column(name = "happened_at")
    LocalDateTime happenedAt;
    /** The API client that wrote; null for the platform itself. */
    @Column(name = "client_id")
    String clientId;
    /** The operator within the client ({@code X-Actor}). */
    String actor;
    String action;
    String target;
    /** The region whose data the write changed, where it has one. */
    String region;
    String detail;
    @Column(name = "idem_key")
    String idempotencyKey;
}
