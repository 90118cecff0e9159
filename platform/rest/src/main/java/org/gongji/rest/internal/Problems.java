package org.gongji.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;

/**
 * Every failure as {@code application/problem+json} (RFC 9457) with a stable {@code code}. The
 * one place where an {@link ErrorCode} becomes an HTTP status.
 */
public final class Problems implements ExceptionMapper<Throwable> {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    static final String TYPE_BASE = "https://gongji.org/problems/";

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    /** Seconds an integrator waits before asking again for a region that is momentarily unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Characters of a problem's detail at most (an echo of a 100,000-character value is cut). */
    static final int MAX_DETAIL = 500;

    /** The HTTP status of each error code. */
    public static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, MALFORMED_JSON, UNKNOWN_FIELD, INVALID_AMOUNT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case UNKNOWN_PERSON, UNKNOWN_INSTITUTION, UNKNOWN_SETTLEMENT, UNKNOWN_PAYMENT_RUN, UNKNOWN_JOB, UNKNOWN_CLIENT, UNKNOWN_SIMULATION -> 404;
            case ALREADY_REVERSED, IDEMPOTENCY_CONFLICT, PERIOD_CLOSED, PAYMENT_RUN_STATE, PAYMENT_RUN_OUTDATED,
                    CHANGE_BEFORE_BOOKING, CHANGE_BEFORE_VERSION, BACKUP_USE_PG_DUMP, BACKUP_EXISTS -> 409;
            case REGION_UNAVAILABLE -> 503;
            case REQUEST_TIMEOUT -> 408;
            case PAYLOAD_TOO_LARGE -> 413;
            case TOO_MANY_REQUESTS -> 429;
            case REGION_NOT_DEPLOYED, RULES_NOT_IN_FORCE, BENEFIT_NOT_COVERED, DISEASE_NOT_RECOGNISED, REGION_MISMATCH,
                    ACCOUNT_USE_NOT_ALLOWED, INSUFFICIENT_BALANCE, CONFORMANCE_VIOLATION, DATE_IN_FUTURE,
                    OUTSIDE_REGION_LIMITS -> 422;
            // a code added to the API later is a refusal of the request until it is mapped here
            default -> 422;
        };
    }

    @Override
    public Response toResponse(Throwable e) {
        GongjiException refusal = find(e, GongjiException.class);
        if (refusal != null) {
            if (refusal.code() == ErrorCode.UNAUTHENTICATED) {
                return unauthenticated(refusal.getMessage());
            }
            Response response = problem(status(refusal.code()), refusal.code().name(), refusal.getMessage());
            if (refusal.code() == ErrorCode.REGION_UNAVAILABLE) {
                // momentarily unavailable, not refused: ask the integrator to try again soon
                return Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            return response;
        }
        if (e instanceof JsonProcessingException json) {
            return problem(400, jsonCode(json).name(), detail(json));
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            JsonProcessingException json = find(e, JsonProcessingException.class);
            if (json != null) {
                return problem(400, jsonCode(json).name(), detail(json));
            }
            Response.StatusType type = web.getResponse().getStatusInfo();
            // the reason phrase, not the exception's message (which may name a Java type or parameter)
            String reason = type.getReasonPhrase() == null ? "Error" : type.getReasonPhrase();
            Response answer = problem(status, reason.toUpperCase(Locale.ROOT).replace(' ', '_'), reason);
            // a 405 names the methods the path has (RFC 9110 15.5.6)
            String allow = web.getResponse().getHeaderString("Allow");
            return allow == null ? answer : Response.fromResponse(answer).header("Allow", allow).build();
        }
        LOG.log(Level.SEVERE, "request failed", e);
        return problem(500, "INTERNAL_ERROR", "the platform failed to answer; nothing was booked");
    }

    /** What was wrong with the body, in the integrator's terms (field path, value), not Java's. */
    static String detail(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + at(unknown);
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> type = format.getTargetType();
            String allowed = type != null && type.isEnum() ? " (expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")" : "";
            return "'" + shorten(String.valueOf(format.getValue())) + "' is not a valid " + kind(type) + allowed + at(format);
        }
        if (e instanceof MismatchedInputException mismatched) {
            Class<?> type = mismatched.getTargetType();
            return "a value of the wrong kind" + (type == null ? "" : ", expected a " + kind(type)) + at(mismatched);
        }
        return plain(e.getOriginalMessage());
    }

    /** A value's kind in the integrator's words (API.md), never a Java type's name. */
    static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.YearMonth.class) {
            return "month (YYYY-MM)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "timestamp (ISO 8601)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type.getName().endsWith(".Money") || type.getName().endsWith(".Ratio")) {
            return "number";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "string";
        }
        if (type.isEnum()) {
            return "value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }

    /**
     * A parser's message without what names Java: Jackson quotes its own types and methods in
     * backticks ({@code `StreamReadConstraints.getMaxNumberLength()`}).
     */
    static String plain(String message) {
        if (message == null) {
            return "the body is not valid JSON";
        }
        if (message.contains("exceeds the maximum")) {
            return "a value in the body is longer than allowed";
        }
        String cleaned = message.replaceAll("\\(from `[^`]*`\\)", "").replaceAll("`[^`]*`", "a value")
                .replaceAll("\\b(java|javax|jakarta|com\\.fasterxml|org\\.glassfish|org\\.eclipse|org\\.gongji)\\.[\\w.$]+", "a value");
        return shorten(cleaned.replaceAll("\\s+", " ").trim());
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String at(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " at " + path;
    }

    static ErrorCode jsonCode(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return ErrorCode.UNKNOWN_FIELD;
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return ErrorCode.INVALID_REQUEST;
        }
        return ErrorCode.MALFORMED_JSON;
    }

    /** 401 with the challenge RFC 6750 asks for. */
    static Response unauthenticated(String detail) {
        Response r = problem(401, ErrorCode.UNAUTHENTICATED.name(), detail);
        return Response.fromResponse(r).header("WWW-Authenticate", Authentication.CHALLENGE).build();
    }

    static Response problem(int status, String code, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, code, detail)).build();
    }

    /** The problem+json body: type, title, status, detail, code. */
    static Map<String, Object> body(int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", title(code));
        body.put("status", status);
        // a detail that quotes the request (a value, an id) quotes its start only
        body.put("detail", detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail);
        body.put("code", code);
        return body;
    }

    private static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
