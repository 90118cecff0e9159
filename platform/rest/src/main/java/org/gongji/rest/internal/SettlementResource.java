package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.rest.internal.Requests.SettlementBody;
import org.gongji.rest.internal.Views.SettlementView;
import org.gongji.store.Booked;
import org.gongji.store.SettlementRecord;
import org.gongji.store.Store;

/** 预结算, 结算, 查询, 撤销. */
@Path("/api/v1/settlements")
@Tag(name = "settlements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SettlementResource {

    private final Store store;
    private final Writes writes;
    private final Metrics metrics;

    SettlementResource(Store store, Writes writes, Metrics metrics) {
        this.store = store;
        this.writes = writes;
        this.metrics = metrics;
    }

    @POST
    @Path("preview")
    @io.swagger.v3.oas.annotations.Operation(operationId = "preview", summary = "预结算: settles a visit and books nothing")
    @ApiResponse(responseCode = "200", description = "the settlement as it would be booked now (no settlementId)",
            content = @Content(schema = @Schema(implementation = SettlementView.class)))
    @Refusals({ErrorCode.INVALID_AMOUNT, ErrorCode.UNKNOWN_PERSON, ErrorCode.UNKNOWN_INSTITUTION,
            ErrorCode.REGION_NOT_DEPLOYED, ErrorCode.RULES_NOT_IN_FORCE, ErrorCode.BENEFIT_NOT_COVERED,
            ErrorCode.DISEASE_NOT_RECOGNISED, ErrorCode.REGION_MISMATCH, ErrorCode.ACCOUNT_USE_NOT_ALLOWED,
            ErrorCode.CONFORMANCE_VIOLATION, ErrorCode.DATE_IN_FUTURE, ErrorCode.PERIOD_CLOSED})
    public SettlementView preview(SettlementBody body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.PREVIEW);
        var command = Requests.required(body, "body").toCommand();
        Access.require(caller, Operation.PREVIEW, Target.institution(command.institutionId(), null));
        return SettlementView.of(store.settlements().preview(command));
    }

    @POST
    @io.swagger.v3.oas.annotations.Operation(operationId = "settle", summary = "结算: settles a visit and books it")
    @ApiResponse(responseCode = "201", description = "booked; the same Idempotency-Key and body again answers the first result",
            headers = @Header(name = "Location", description = "the settlement", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SettlementView.class)))
    @Refusals({ErrorCode.INVALID_AMOUNT, ErrorCode.UNKNOWN_PERSON, ErrorCode.UNKNOWN_INSTITUTION,
            ErrorCode.REGION_NOT_DEPLOYED, ErrorCode.RULES_NOT_IN_FORCE, ErrorCode.BENEFIT_NOT_COVERED,
            ErrorCode.DISEASE_NOT_RECOGNISED, ErrorCode.REGION_MISMATCH, ErrorCode.ACCOUNT_USE_NOT_ALLOWED,
            ErrorCode.CONFORMANCE_VIOLATION, ErrorCode.DATE_IN_FUTURE, ErrorCode.PERIOD_CLOSED,
            ErrorCode.IDEMPOTENCY_CONFLICT})
    public Response settle(SettlementBody body, @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.SETTLE);
        var command = Requests.required(body, "body").toCommand();
        Access.require(caller, Operation.SETTLE, Target.institution(command.institutionId(), null));
        long begin = System.nanoTime();
        Booked<SettlementRecord> booked;
        try {
            booked = store.settlements().settle(command,
                    writes.context(security, key, actor, "POST", "/api/v1/settlements", body));
        } catch (GongjiException e) {
            metrics.settled(regionOf(command.personId()), e.code().name(), System.nanoTime() - begin);
            throw e;
        }
        metrics.settled(booked.value().breakdown().region().value(), booked.replayed() ? Metrics.REPLAYED : Metrics.BOOKED,
                System.nanoTime() - begin);
        SettlementView view = SettlementView.of(booked.value());
        return Writes.replayed(Response.created(URI.create("/api/v1/settlements/" + view.settlementId())).entity(view),
                booked).build();
    }

    @GET
    @Path("{settlementId}")
    @io.swagger.v3.oas.annotations.Operation(operationId = "settlement", summary = "A booked settlement")
    @ApiResponse(responseCode = "200", description = "the settlement",
            content = @Content(schema = @Schema(implementation = SettlementView.class)))
    @Refusals(ErrorCode.UNKNOWN_SETTLEMENT)
    public SettlementView settlement(@PathParam("settlementId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String settlementId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_SETTLEMENT);
        SettlementRecord s = find(settlementId);
        Access.require(caller, Operation.READ_SETTLEMENT, target(s));
        return SettlementView.of(s);
    }

    /** The region of a refused visit's person, for the meters; {@code unknown} when there is no such person. */
    private String regionOf(String personId) {
        try {
            return store.persons().person(personId).map(p -> p.region().value()).orElse("unknown");
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private SettlementRecord find(String settlementId) {
        return store.settlements().settlement(settlementId)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_SETTLEMENT, "no settlement " + settlementId));
    }

    /** A settlement belongs to the region whose fund paid it and to the institution that settled it. */
    private static Target target(SettlementRecord s) {
        return Target.institution(s.institutionId(), s.breakdown().region().value());
    }

    @POST
    @Path("{settlementId}/reversal")
    @io.swagger.v3.oas.annotations.Operation(operationId = "reverse", summary = "撤销: takes a settlement back (accumulators, account); twice is refused")
    @ApiResponse(responseCode = "200", description = "the settlement, now REVERSED",
            content = @Content(schema = @Schema(implementation = SettlementView.class)))
    @Refusals({ErrorCode.UNKNOWN_SETTLEMENT, ErrorCode.ALREADY_REVERSED, ErrorCode.IDEMPOTENCY_CONFLICT,
            ErrorCode.PERIOD_CLOSED})
    public Response reverse(@PathParam("settlementId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String settlementId,
            @HeaderParam(Writes.IDEMPOTENCY_KEY) String key, @HeaderParam(Writes.ACTOR) String actor,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.REVERSE);
        Access.require(caller, Operation.REVERSE, () -> target(find(settlementId)));
        Booked<SettlementRecord> booked = store.settlements().reverse(settlementId,
                writes.context(security, key, actor, "POST", "/api/v1/settlements/" + settlementId + "/reversal", ""));
        return Writes.replayed(Response.ok(SettlementView.of(booked.value())), booked).build();
    }
}
