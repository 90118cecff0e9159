package org.gongji.api.error;

/**
 * Stable error codes. Integrators match on these names; never rename one.
 */
public enum ErrorCode {
    /** The request is malformed or misses a required field. */
    INVALID_REQUEST,
    /** The request body is not well-formed JSON, or a value has the wrong type. */
    MALFORMED_JSON,
    /** The request body has a field the endpoint does not know (a misspelt field would otherwise be ignored). */
    UNKNOWN_FIELD,
    /** An amount is negative, has more than two decimals, or is not a number. */
    INVALID_AMOUNT,
    /** No region bundle serves the region (nor its province). */
    REGION_NOT_DEPLOYED,
    /**
     * The region is deployed but does not serve at this moment (a city waiting for its province to
     * be deployed and checked, a version that failed with none before it): HTTP 503 with
     * {@code Retry-After}; not a refusal by the rules, the same request may succeed later.
     */
    REGION_UNAVAILABLE,
    /** The region's rules do not cover the date asked for. */
    RULES_NOT_IN_FORCE,
    /** The region does not provide the benefit asked for (e.g. no chronic disease coverage). */
    BENEFIT_NOT_COVERED,
    /** A chronic-disease visit for a disease the person is not recognised with. */
    DISEASE_NOT_RECOGNISED,
    UNKNOWN_PERSON,
    UNKNOWN_INSTITUTION,
    UNKNOWN_SETTLEMENT,
    /** No stored provider payment run has the id. */
    UNKNOWN_PAYMENT_RUN,
    /** No job has the id. */
    UNKNOWN_JOB,
    /** The provider payment run is not in the state the operation needs (confirm a draft, revoke a confirmed run). */
    PAYMENT_RUN_STATE,
    /** The period's settlements changed since the draft was computed: run the period again, then confirm. */
    PAYMENT_RUN_OUTDATED,
    /** No stored simulation has the id. */
    UNKNOWN_SIMULATION,
    /** The person and the institution or region do not belong together. */
    REGION_MISMATCH,
    ALREADY_REVERSED,
    ACCOUNT_USE_NOT_ALLOWED,
    INSUFFICIENT_BALANCE,
    /** The same idempotency key was used with another request body. */
    IDEMPOTENCY_CONFLICT,
    /** A region's numbers violate its province's bounds. */
    CONFORMANCE_VIOLATION,
    /** A visit dated after today, a month not yet begun, or a payment period not yet ended. */
    DATE_IN_FUTURE,
    /** The date falls in a period the region has already paid its providers for: booking it would never be paid. */
    PERIOD_CLOSED,
    /** No valid bearer token: missing, malformed, unknown, expired or revoked (401). */
    UNAUTHENTICATED,
    /** The caller's role or scope does not cover the operation (403). */
    FORBIDDEN,
    /** No client has that clientId. */
    UNKNOWN_CLIENT,
    /**
     * A change of what decides a person's benefits (category, retirement date, contribution base, family)
     * dated on or before something already booked for the person, or a change of their region or birth
     * date once something is booked: it would rewrite the inputs of that booking.
     */
    CHANGE_BEFORE_BOOKING,
    /** A change of a person dated before the version in force from the latest date. */
    CHANGE_BEFORE_VERSION,
    /** A value outside what the region's rules allow (a contribution base below its floor or above its ceiling). */
    OUTSIDE_REGION_LIMITS,
    /** The request body is larger than the API accepts for the call (refused before it is read whole). */
    PAYLOAD_TOO_LARGE,
    /** The request body did not arrive in time. */
    REQUEST_TIMEOUT,
    /** The client sent more requests than its rate limit allows; {@code Retry-After} says when to try again. */
    TOO_MANY_REQUESTS,
    /** An online backup asked of a node over PostgreSQL: back the database up with {@code pg_dump} (README "Operations"). */
    BACKUP_USE_PG_DUMP,
    /** The backup folder named exists already: a backup never overwrites another. */
    BACKUP_EXISTS
}
