package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;

/** The node's meters for Prometheus; a scrape job sends the token of an ADMIN or AUDITOR client. */
@Path("/metrics")
@Tag(name = "meta")
public final class MetricsResource {

    /** Prometheus text exposition format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;

    MetricsResource(Metrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    @io.swagger.v3.oas.annotations.Operation(operationId = "metrics",
            summary = "Prometheus metrics of this node: settlements, latency, group commit, pool, jobs, JVM")
    @ApiResponse(responseCode = "200", description = "the meters in the Prometheus text format",
            content = @Content(mediaType = PROMETHEUS_TEXT, schema = @Schema(type = "string")))
    public String metrics(@Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.READ_METRICS);
        return metrics.scrape();
    }
}
