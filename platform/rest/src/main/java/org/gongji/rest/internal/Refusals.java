package org.gongji.rest.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.gongji.api.error.ErrorCode;

/**
 * The error codes an operation refuses a request with, beyond those the OpenAPI generator adds to
 * every operation (400 {@code INVALID_REQUEST} where it takes parameters, 400 {@code MALFORMED_JSON}
 * / {@code UNKNOWN_FIELD} where it takes a body, 401 / 403 unless it is public). The generated
 * document answers each code with its status ({@link Problems#status}); the drift test refuses an
 * answer whose code the operation does not declare.
 *
 * <p>Annotating a new endpoint: {@code @Operation(summary, tags)}, an {@code @ApiResponse} per success
 * status with its body, {@code @Refusals} with its codes, {@code @Schema} on the fields of its
 * request and view records (nullable, constraints); {@code @SecurityRequirements()} (empty) for an
 * operation that needs no token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refusals {

    ErrorCode[] value();
}
