package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A client's idempotency key, what it was used for, and a reference to the first result. */
@Entity
@Table(name = "gj_idempotency")
public class IdempotencyRow {

    @Id
    @Column(name = "idem_key")
    String key;
    String fingerprint;
    String operation;
    @Column(name = "result_ref")
    String resultRef;
    @Column(name = "created_at")
    LocalDateTime createdAt;
}
