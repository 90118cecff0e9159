package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;

/** A trivial endpoint: liveness, and the baseline the load generator measures settlements against. */
@Path("/api/v1/ping")
@Tag(name = "meta")
public final class PingResource {

    private static final Map<String, String> OK = Map.of("status", "ok");

    /** What {@link #ping} answers. */
    @Schema(name = "Pong")
    record Pong(@Schema(allowableValues = "ok") String status) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @io.swagger.v3.oas.annotations.Operation(operationId = "ping", summary = "Liveness; the load generator's baseline")
    @ApiResponse(responseCode = "200", description = "the API answers",
            content = @Content(schema = @Schema(implementation = Pong.class)))
    public Map<String, String> ping(@Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.PING);
        return OK;
    }
}
