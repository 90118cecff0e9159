package org.gongji.rest.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.engine.simulation.Figures;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.store.Booked;
import org.gongji.store.ClaimFile;
import org.gongji.store.JobRecord;
import org.gongji.store.SimulationRecord.ChangedParameter;
import org.gongji.store.SimulationRecord.DraftConformance;
import org.gongji.store.SimulationRecord;
import org.gongji.store.SimulationService;
import org.gongji.store.Store;

/**
 * Fund simulations (基金测算): {@code POST /api/v1/simulations} runs one as a job (synchronous answer
 * {@code 201}, or {@code 202} with {@code Prefer: respond-async}); {@code GET /api/v1/simulations/{id}}.
 */
@Path("/api/v1/simulations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "simulations")
public final class SimulationResource {

    static final int MAX_CHANGES = 200;
    /** The longest key of the vocabulary is far shorter. */
    static final int MAX_KEY = 200;

    private final Store store;
    private final Writes writes;
    private final JobResource jobs;

    SimulationResource(Store store, Writes writes, JobResource jobs) {
        this.store = store;
        this.writes = writes;
        this.jobs = jobs;
    }

    /** A changed parameter: the value as a table writes it ({@code "1500.00"}, {@code "60%"}) or a number. */
    record ChangeBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_KEY,
                    description = "a key of the vocabulary (GET /api/v1/parameters)") String key,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a number, or the value as a table writes it"
                    + " (\"1500.00\", \"60%\"): at most 200 characters, no '|'") Object value,
            @Schema(description = "the day the change takes effect (default: 1 January of the year)") LocalDate from) {
        SimulationService.Change toChange() {
            Requests.checkedText(Requests.required(key, "changes[].key"), MAX_KEY, "changes[].key");
            Object v = Requests.required(value, "changes[].value");
            String text = v instanceof Number n ? decimal(new BigDecimal(n.toString())) : v.toString();
            if (text.contains("|") || text.length() > 200) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "the value of " + key + " is one table value");
            }
            return new SimulationService.Change(key, text, from);
        }

        private static String decimal(BigDecimal d) {
            return d.scale() < 2 ? d.setScale(2).toPlainString() : d.toPlainString();
        }
    }

    /**
     * {@code claims} names where the visits come from: {@code BOOKED}, the region's booked settlements
     * of the year (the default without {@code visits}), or {@code UPLOADED}, the claim file in
     * {@code visits} (the default with it).
     */
    record SimulationBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = Requests.REGION_PATTERN,
                    description = "six-digit region code") String region,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "" + Requests.FIRST_YEAR,
                    maximum = "" + Requests.LAST_YEAR, description = "the calendar year of the claims") Integer year,
            @ArraySchema(maxItems = MAX_CHANGES, arraySchema = @Schema(description = "the draft: changed parameters"))
            List<ChangeBody> changes,
            @Schema(allowableValues = {"BOOKED", "UPLOADED"}, description = "where the visits come from: BOOKED, the"
                    + " region's booked settlements of the year (default without visits); UPLOADED, the claim file in"
                    + " visits (default with it)") String claims,
            @Schema(minLength = 1, maxLength = Json.MAX_UPLOAD_CHARS, description = "claims UPLOADED: the claim file, CSV text whose header names the columns "
                    + "person,category,age,date,level,medicalType,classA,classB,classBPreSelfPay,classC,disease (any order; classB, classBPreSelfPay, classC and disease may be empty),"
                    + " then one visit a line, every one dated in the year") String visits) {
        SimulationService.Request toRequest() {
            boolean uploaded = claims == null ? visits != null : claims.equals("UPLOADED");
            if (claims != null && !claims.equals("BOOKED") && !uploaded) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "claims is BOOKED (the region's booked settlements"
                        + " of the year) or UPLOADED (the claim file in visits)");
            }
            if (uploaded && visits == null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "claims UPLOADED needs the claim file in visits");
            }
            if (!uploaded && visits != null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "visits is the claim file of claims UPLOADED, not of BOOKED");
            }
            List<ChangeBody> c = changes == null ? List.of() : changes;
            if (c.size() > MAX_CHANGES) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "at most " + MAX_CHANGES + " changes");
            }
            List<SimulationService.Change> out = new ArrayList<>();
            for (ChangeBody b : c) {
                out.add(Requests.required(b, "changes[]").toChange());
            }
            int y = Requests.year(Requests.required(year, "year"), "year");
            return new SimulationService.Request(Requests.regionCode(region, "region"), y, out,
                    uploaded ? ClaimFile.parse(visits, y) : List.of());
        }
    }

    @Schema(name = "SimulationReproduction")
    record Reproduction(long claimsCompared, Object poolPaidBooked, Object poolPaidBaseline, long personsDiffering,
            boolean exact, long personsWithLateReversal, @Schema(nullable = true) String explanation) {
    }

    @Schema(name = "Simulation")
    record SimulationView(String simulationId, String region, String rulesRegion, int year,
            @Schema(allowableValues = {"BOOKED", "UPLOADED"}, description = "where the visits came from") String claims,
            Instant ranAt, long persons,
            List<ChangedParameter> changes, Figures baseline, Figures draft, DraftConformance conformance,
            Reproduction booked) {
        static SimulationView of(SimulationRecord s) {
            var r = s.result().booked();
            String why = r.personsDiffering() == 0 ? null : r.personsDiffering() + " persons' pooled pay settled again differs"
                    + " from what was booked; " + s.personsWithLateReversal() + " persons had a settlement reversed after a"
                    + " later one of theirs was booked, which was computed on accumulators that still held the reversed one";
            return new SimulationView(s.simulationId(), s.region(), s.rulesRegion(), s.year(), s.claims(), s.ranAt(),
                    s.result().persons(),
                    s.changes(), s.result().baseline(), s.result().draft(), s.conformance(),
                    new Reproduction(r.claimsCompared(), r.poolPaidBooked(), r.poolPaidBaseline(), r.personsDiffering(),
                            r.exact(), s.personsWithLateReversal(), why));
        }
    }

    private static final ObjectReader READER = Json.uploadReader(SimulationBody.class);

    /** The body is read here ({@link Json#uploadReader}): a claim file is tens of megabytes of CSV. */
    @POST
    @io.swagger.v3.oas.annotations.Operation(operationId = "simulate", summary = "基金测算: settles a year's booked claims, or an uploaded claim file, under the rules in force and a draft; books nothing",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SimulationBody.class))))
    @ApiResponse(responseCode = "201", description = "the simulation",
            headers = @Header(name = "Location", description = "the simulation", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SimulationView.class)))
    @ApiResponse(responseCode = "202", description = "Prefer: respond-async: the simulation runs as a job",
            headers = @Header(name = "Location", description = "the job", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = JobResource.JobView.class)))
    @Refusals({ErrorCode.REGION_NOT_DEPLOYED, ErrorCode.RULES_NOT_IN_FORCE, ErrorCode.IDEMPOTENCY_CONFLICT,
            ErrorCode.DATE_IN_FUTURE, ErrorCode.CONFORMANCE_VIOLATION})
    public Response simulate(@Parameter(hidden = true) InputStream in, @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor, @Parameter(description = "respond-async: answer 202 at once and run as a job", schema = @Schema(type = "string")) @HeaderParam(JobResource.PREFER) List<String> prefer,
            @Context SecurityContext security) throws IOException {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.RUN_SIMULATION); // before a claim file of megabytes is read
        SimulationBody body = READER.readValue(in);
        SimulationService.Request request = Requests.required(body, "body").toRequest();
        Access.require(caller, Operation.RUN_SIMULATION, Target.region(request.region().value()));
        Booked<JobRecord> submitted = store.simulations().submit(request,
                writes.context(security, key, actor, "POST", "/api/v1/simulations", body));
        if (JobResource.respondAsync(prefer)) {
            return jobs.accepted(submitted);
        }
        JobRecord job = store.jobs().awaitDone(submitted.value().id());
        String id = store.simulations().simulationIdOf(job);
        return Writes.replayed(Response.created(URI.create("/api/v1/simulations/" + id)).entity(view(id)), submitted)
                .build();
    }

    @GET
    @Path("{simulationId}")
    @io.swagger.v3.oas.annotations.Operation(operationId = "simulation", summary = "A simulation: baseline and draft side by side")
    @ApiResponse(responseCode = "200", description = "the simulation",
            content = @Content(schema = @Schema(implementation = SimulationView.class)))
    @Refusals(ErrorCode.UNKNOWN_SIMULATION)
    public SimulationView simulation(@PathParam("simulationId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String simulationId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_SIMULATION);
        SimulationView view = view(simulationId);
        Access.require(caller, Operation.READ_SIMULATION, Target.region(view.region()));
        return view;
    }

    private SimulationView view(String simulationId) {
        return store.simulations().find(simulationId).map(SimulationView::of)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_SIMULATION, "no simulation " + simulationId));
    }
}
