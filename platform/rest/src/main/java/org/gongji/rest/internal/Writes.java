package org.gongji.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rest.Caller;
import org.gongji.store.Booked;
import org.gongji.store.WriteContext;

/**
 * The {@code Idempotency-Key} of a write: the key with what the request says (method, path and
 * the body as parsed), so that the same key with another body is a conflict and the same body
 * written differently is not.
 */
final class Writes {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String ACTOR = "X-Actor";
    static final String REPLAYED = "Idempotent-Replayed";
    /** As long as the store's audit and job rows keep an actor. */
    static final int MAX_ACTOR_LENGTH = 200;

    private final ObjectMapper mapper;

    Writes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The write of the request's caller: its key is the caller's own, the audit names the caller's
     * client and, within it, the operator of {@code X-Actor}.
     */
    WriteContext context(SecurityContext security, String idempotencyKey, String actor, String method, String path,
            Object body) {
        return context(idempotencyKey, actor, method, path, body).byClient(Caller.of(security).clientId());
    }

    private WriteContext context(String idempotencyKey, String actor, String method, String path, Object body) {
        checkedActor(actor);
        if (idempotencyKey == null) {
            return WriteContext.by(actor);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > WriteContext.MAX_KEY_LENGTH) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST,
                    IDEMPOTENCY_KEY + " has 1 to " + WriteContext.MAX_KEY_LENGTH + " characters");
        }
        try {
            return WriteContext.keyed(idempotencyKey, method + " " + path + "\n" + mapper.writeValueAsString(body), actor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code X-Actor} header, refused (400) when longer than the audit keeps. */
    private static String checkedActor(String actor) {
        if (actor != null && actor.length() > MAX_ACTOR_LENGTH) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, ACTOR + " has at most " + MAX_ACTOR_LENGTH + " characters");
        }
        return actor;
    }

    static Response.ResponseBuilder replayed(Response.ResponseBuilder response, Booked<?> booked) {
        return booked.replayed() ? response.header(REPLAYED, "true") : response;
    }
}
