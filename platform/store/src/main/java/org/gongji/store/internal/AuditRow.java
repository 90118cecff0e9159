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
    String actor;
    String action;
    String target;
    String detail;
    @Column(name = "idem_key")
    String idempotencyKey;
}
