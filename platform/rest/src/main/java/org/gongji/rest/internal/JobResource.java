package org.gongji.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.store.Booked;
import org.gongji.store.JobRecord;
import org.gongji.store.JobStatus;
import org.gongji.store.Store;

/**
 * Jobs: {@code GET /api/v1/jobs/{jobId}}, and the asynchronous answer ({@code Prefer: respond-async},
 * RFC 7240) of the writes that run as jobs: {@code 202} with {@code Location} of the job.
 */
@Path("/api/v1/jobs")
@Tag(name = "jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobResource {

    static final String PREFER = "Prefer";
    static final String PREFERENCE_APPLIED = "Preference-Applied";
    static final String RESPOND_ASYNC = "respond-async";

    private final Store store;
    /** The synchronous answer of each kind, from its finished job. */
    private final Map<String, Function<JobRecord, Object>> results;

    JobResource(Store store, Map<String, Function<JobRecord, Object>> results) {
        this.store = store;
        this.results = Map.copyOf(results);
    }

    @Schema(name = "JobProgress")
    record Progress(long done, long total) {
    }

    @Schema(name = "JobProblem")
    record ProblemView(String code, String detail) {
    }

    @Schema(name = "Job")
    record JobView(String jobId, String kind, @Schema(nullable = true) String region, JobStatus status, Progress progress,
            Instant createdAt, @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt,
            @Schema(description = "DONE: the synchronous answer of the operation (e.g. a Crediting)")
            @JsonInclude(JsonInclude.Include.NON_NULL) Object result,
            @Schema(description = "FAILED: why") @JsonInclude(JsonInclude.Include.NON_NULL) ProblemView problem) {
    }

    JobView view(JobRecord j) {
        Object result = null;
        if (j.status() == JobStatus.DONE) {
            Function<JobRecord, Object> render = results.get(j.kind());
            result = render == null ? j.result() : render.apply(j);
        }
        ProblemView problem = j.status() == JobStatus.FAILED ? new ProblemView(j.problemCode(), j.problemDetail()) : null;
        return new JobView(j.id(), j.kind(), j.region() == null ? null : j.region().value(), j.status(),
                new Progress(j.done(), j.total()), j.createdAt(), j.startedAt(), j.finishedAt(), result, problem);
    }

    @GET
    @Path("{jobId}")
    @io.swagger.v3.oas.annotations.Operation(operationId = "job", summary = "A job: its status, progress and result or problem")
    @ApiResponse(responseCode = "200", description = "the job", content = @Content(schema = @Schema(implementation = JobView.class)))
    @Refusals(ErrorCode.UNKNOWN_JOB)
    public JobView job(@PathParam("jobId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String jobId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_JOB);
        JobRecord job = store.jobs().find(jobId)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_JOB, "no job " + jobId));
        Access.require(caller, Operation.READ_JOB, Target.region(job.region() == null ? null : job.region().value()));
        return view(job);
    }

    /** Whether the {@code Prefer} headers ask for {@code respond-async} (RFC 7240: tokens are case-insensitive). */
    static boolean respondAsync(List<String> prefer) {
        if (prefer == null) {
            return false;
        }
        for (String header : prefer) {
            for (String preference : header.split(",")) {
                String token = preference.split("[;=]", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (token.equals(RESPOND_ASYNC)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code 202 Accepted} with the job's {@code Location} and the job as it stands. */
    Response accepted(Booked<JobRecord> job) {
        Response.ResponseBuilder r = Response.accepted(view(job.value()))
                .location(URI.create("/api/v1/jobs/" + job.value().id()))
                .header(PREFERENCE_APPLIED, RESPOND_ASYNC);
        return Writes.replayed(r, job).build();
    }
}
