package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** A client's idempotency key, what it was used for, and a reference to the first result. */
@Entity
@Table(name = "gj_idempotency_key")
@IdClass(IdempotencyRow.Key.class)
public class IdempotencyRow {

    /** The platform's own writes (no client) and keys from before clients existed. */
    static final String NO_CLIENT = "";

    @Id
    @Column(name = "client_id")
    String clientId;
    @Id
    @Column(name = "idem_key")
    String key;
    String fingerprint;
    String operation;
    @Column(name = "result_ref")
    String resultRef;
    @Column(name = "created_at")
    LocalDateTime createdAt;

    static Key key(String clientId, String key) {
        Key k = new Key();
        k.clientId = clientId == null ? NO_CLIENT : clientId;
        k.key = key;
        return k;
    }

    /** The key is the client's. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String clientId;
        String key;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, key);
        }
    }
}
