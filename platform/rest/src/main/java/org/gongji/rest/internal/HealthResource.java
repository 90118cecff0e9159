package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.Store;
import org.gongji.store.StoreMonitor;
import org.gongji.store.StoreMonitor.WriterState;

/**
 * Health for load balancers and orchestrators, without a token.
 *
 * <ul>
 * <li>{@code GET /api/v1/health} (also {@code /api/v1/health/ready}), readiness: the node can book.
 *     {@code 200 {"status":"UP","checks":{...}}}, or {@code 503} with {@code "status":"DOWN"} and
 *     each failing check {@code DOWN} with its reason: the database answers on a connection of its
 *     own; no write has waited, and no batch has run, longer than {@link #STUCK_AFTER}; at least one
 *     region serves.</li>
 * <li>{@code GET /api/v1/health/live}, liveness: the process answers HTTP, nothing else is checked
 *     (restart the process only when this fails; a node that is not ready is taken out of the
 *     balancer, not restarted).</li>
 * </ul>
 */
@Path("/api/v1/health")
@Tag(name = "meta")
public final class HealthResource {

    /** What readiness answers (described for the document; the answer is built as a map). */
    @Schema(name = "Health")
    record Health(@Schema(allowableValues = {"UP", "DOWN"}) String status,
            @Schema(description = "database, writer and regions, each UP or DOWN") Map<String, Check> checks) {
    }

    /** One check of readiness; each check adds its own figures (pool use, queued writes, regions serving). */
    @Schema(name = "HealthCheck")
    record Check(@Schema(allowableValues = {"UP", "DOWN"}) String status,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "why the check is DOWN") String reason) {
    }

    /** What liveness answers. */
    @Schema(name = "Live")
    record Live(@Schema(allowableValues = "UP") String status) {
    }

    /** A write waiting this long for a writer, or a batch running this long, means the writer is stuck. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(10);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(3);

    private final Store store;
    private final RegionRegistry regions;

    public HealthResource(Store store, RegionRegistry regions) {
        this.store = store;
        this.regions = regions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "health", summary = "Readiness for load balancers: database, writer, regions (no token)")
    @ApiResponse(responseCode = "200", description = "the node can book: every check is UP",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "the node cannot book: the failing checks are DOWN with their reason",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response ready() {
        Map<String, Object> checks = new LinkedHashMap<>();
        Optional<StoreMonitor> monitor = store.monitor();
        checks.put("database", monitor.map(HealthResource::database).orElseGet(() -> down("the store keeps no monitor")));
        checks.put("writer", monitor.map(m -> writer(m.writers())).orElseGet(() -> down("the store keeps no monitor")));
        checks.put("regions", regions());
        boolean up = checks.values().stream().allMatch(c -> "UP".equals(((Map<?, ?>) c).get("status")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").entity(body).build();
    }

    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "healthReady", summary = "Readiness, as GET /api/v1/health (no token)")
    @ApiResponse(responseCode = "200", description = "the node can book: every check is UP",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "the node cannot book: the failing checks are DOWN with their reason",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response readyAlias() {
        return ready();
    }

    @GET
    @Path("live")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "healthLive", summary = "Liveness: the process answers HTTP, nothing else is checked (no token)")
    @ApiResponse(responseCode = "200", description = "the process answers",
            content = @Content(schema = @Schema(implementation = Live.class)))
    public Response live() {
        return Response.ok(Map.of("status", "UP")).header("Cache-Control", "no-store").build();
    }

    private static Map<String, Object> database(StoreMonitor monitor) {
        Optional<String> problem = monitor.databaseProblem(DATABASE_TIMEOUT);
        Map<String, Object> check = problem.map(HealthResource::down).orElseGet(HealthResource::up);
        check.put("product", monitor.databaseProduct());
        StoreMonitor.PoolState pool = monitor.pool();
        check.put("poolActive", pool.active());
        check.put("poolMax", pool.max());
        return check;
    }

    static Map<String, Object> writer(WriterState writers) {
        Map<String, Object> check;
        if (!writers.alive()) {
            check = down("a group-commit writer thread has ended");
        } else if (writers.oldestWaitMillis() > STUCK_AFTER.toMillis()) {
            check = down("a write has waited " + writers.oldestWaitMillis() + " ms for a writer");
        } else if (writers.longestBatchMillis() > STUCK_AFTER.toMillis()) {
            check = down("a batch of writes has run for " + writers.longestBatchMillis() + " ms");
        } else {
            check = up();
        }
        check.put("writers", writers.writers());
        check.put("queued", writers.queued());
        check.put("oldestWaitMs", writers.oldestWaitMillis());
        check.put("longestBatchMs", writers.longestBatchMillis());
        return check;
    }

    private Map<String, Object> regions() {
        int serving = regions.all().size();
        Map<String, Object> check = serving > 0 ? up() : down("no region serves");
        check.put("serving", serving);
        return check;
    }

    private static Map<String, Object> up() {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("status", "UP");
        return check;
    }

    private static Map<String, Object> down(String reason) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("status", "DOWN");
        check.put("reason", reason);
        return check;
    }
}
