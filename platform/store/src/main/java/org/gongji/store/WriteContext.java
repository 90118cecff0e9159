package org.gongji.store;

/**
 * Who writes, and the idempotency key of the request.
 *
 * @param idempotencyKey the client's key; null when the request carries none
 * @param fingerprint what the request says (e.g. a hash of method, path and body): the same key
 *                    with another fingerprint is refused with {@code IDEMPOTENCY_CONFLICT}
 * @param actor who asked within the client (the operator's name, {@code X-Actor}), for the audit log
 * @param clientId the authenticated API client; null for the platform itself (start-up, tools).
 *                 A key belongs to its client: the same key from another client is another key.
 */
public record WriteContext(String idempotencyKey, String fingerprint, String actor, String clientId) {

    public static final int MAX_KEY_LENGTH = 200;

    public WriteContext {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (idempotencyKey != null && fingerprint == null) {
            throw new IllegalArgumentException("an idempotency key needs the request's fingerprint");
        }
        actor = actor == null || actor.isBlank() ? "anonymous" : actor;
    }

    /** A write of the platform itself (no client). */
    public WriteContext(String idempotencyKey, String fingerprint, String actor) {
        this(idempotencyKey, fingerprint, actor, null);
    }

    public static WriteContext by(String actor) {
        return new WriteContext(null, null, actor, null);
    }

    public static WriteContext keyed(String idempotencyKey, String fingerprint, String actor) {
        return new WriteContext(idempotencyKey, fingerprint, actor, null);
    }

    /** The same write on behalf of the client. */
    public WriteContext byClient(String clientId) {
        return new WriteContext(idempotencyKey, fingerprint, actor, clientId);
    }
}
