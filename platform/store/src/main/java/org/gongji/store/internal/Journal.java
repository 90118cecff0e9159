package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.store.WriteContext;

/**
 * Idempotency keys and the audit log, written in the transaction of the write they belong to.
 */
final class Journal {

    private final Clock clock;
    private final RowIds ids;

    Journal(Clock clock) {
        this.clock = clock;
        this.ids = new RowIds(clock);
    }

    /**
     * Claims the request's idempotency key for this transaction. When the key was used before with
     * the same request, returns the reference to the first result: nothing is to be booked. The key
     * row is inserted with the write; a concurrent request with the same key on another node fails
     * on the key's uniqueness, and {@link GroupCommit} runs it again, when it sees the first result.
     * {@link #complete} records the result once known.
     *
     * @throws GongjiException {@code IDEMPOTENCY_CONFLICT} when the key was used with another request
     */
    Optional<String> claim(EntityManager em, WriteContext context, String operation) {
        return claim(em, context, operation, null);
    }

    /**
     * As {@link #claim(EntityManager, WriteContext, String)} for a write whose result is known
     * before it runs (the id it will book): the key row records it at once, no {@link #complete}.
     */
    Optional<String> claim(EntityManager em, WriteContext context, String operation, String resultRef) {
        if (context.idempotencyKey() == null) {
            return Optional.empty();
        }
        String fingerprint = operation + ":" + sha256(context.fingerprint());
        IdempotencyRow seen = em.find(IdempotencyRow.class, IdempotencyRow.key(context.clientId(), context.idempotencyKey()));
        if (seen != null) {
            if (!seen.fingerprint.equals(fingerprint)) {
                throw new GongjiException(ErrorCode.IDEMPOTENCY_CONFLICT, "the idempotency key "
                        + context.idempotencyKey() + " was used for another request (" + seen.operation + ")");
            }
            return Optional.of(seen.resultRef);
        }
        IdempotencyRow row = new IdempotencyRow();
        row.clientId = context.clientId() == null ? IdempotencyRow.NO_CLIENT : context.clientId();
        row.key = context.idempotencyKey();
        row.fingerprint = fingerprint;
        row.operation = operation;
        row.resultRef = resultRef;
        row.createdAt = Rows.utc(clock.instant());
        em.persist(row);
        return Optional.empty();
    }

    /** Records the first result of the request under its key. */
    void complete(EntityManager em, WriteContext context, String resultRef) {
        if (context.idempotencyKey() != null) {
            em.find(IdempotencyRow.class, IdempotencyRow.key(context.clientId(), context.idempotencyKey())).resultRef = resultRef;
        }
    }

    void audit(EntityManager em, WriteContext context, String action, String target, String detail) {
        audit(em, context, null, action, target, detail);
    }

    /**
     * Records the write: the client and operator that asked, the region whose data it changed
     * (what a region's auditor sees), the action, its target and what it did.
     */
    void audit(EntityManager em, WriteContext context, String region, String action, String target, String detail) {
        AuditRow row = new AuditRow();
        row.id = ids.next();
        row.happenedAt = Rows.utc(clock.instant());
        row.clientId = context.clientId();
        row.region = region;
        row.actor = truncate(context.actor(), 200);
        row.action = action;
        row.target = truncate(target, 200);
        row.detail = truncate(detail, 2000);
        row.idempotencyKey = context.idempotencyKey();
        em.persist(row);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
