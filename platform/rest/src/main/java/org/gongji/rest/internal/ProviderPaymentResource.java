package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectReader;
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
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.engine.TraceEntry;
import org.gongji.payment.BedDayCaseListReader;
import org.gongji.payment.DipCaseListReader;
import org.gongji.payment.DipCatalogueReader;
import org.gongji.payment.DrgCaseListReader;
import org.gongji.payment.DrgCatalogueReader;
import org.gongji.payment.InstitutionPayment;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.PaymentRun;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.rest.internal.Views.TraceView;
import org.gongji.store.Booked;
import org.gongji.store.PaymentRunRecord;
import org.gongji.store.PaymentRunRequest;
import org.gongji.store.PaymentRunStatus;
import org.gongji.store.Store;

/**
 * Provider payments (按人头, DIP, 按项目): runs a method for a region and a period over the booked
 * settlements (DIP over the case list in the body) and stores the run. A period is paid once per
 * region and method: the same request again returns the first run (200, {@code Idempotent-Replayed:
 * true}); other inputs for a paid period are refused (409 {@code IDEMPOTENCY_CONFLICT}).
 */
@Path("/api/v1/provider-payments")
@Tag(name = "provider-payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ProviderPaymentResource {

    /** The API's JSON rules with room for a case list of a few million cases. */
    private static final ObjectReader READER = Json.uploadReader(RunBody.class);

    private final Store store;
    private final Writes writes;

    private final JobResource jobs;

    ProviderPaymentResource(Store store, Writes writes, JobResource jobs) {
        this.store = store;
        this.writes = writes;
        this.jobs = jobs;
    }

    /**
     * @param headcounts per capita, optional: persons per institution (else the persons signed with it)
     * @param budget DIP: the fund's DIP budget for the period
     * @param catalogue DIP: the DIP catalogue as CSV text (group,diagnosis,procedure,name,score,averageCost)
     * @param cases DIP: the case list as CSV text (caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,otherFundsPaid);
     *              DRG: the grouped stays (caseId,institutionId,group,date,totalCost,patientPaid,otherFundsPaid), with the
     *              budget and the DRG groups as catalogue (group,name,weight,averageCost); BED_DAY: the long stays
     *              (caseId,institutionId,category,admissionDate,dischargeDate,totalCost,patientPaid,otherFundsPaid)
     */
    @Schema(name = "ProviderPaymentBody", description = "budget and catalogue are for DIP and DRG runs (and required by them),"
            + " cases for DIP, DRG and BED_DAY runs, headcounts for PER_CAPITA runs only.")
    record RunBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = Requests.REGION_PATTERN) String region,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProviderPaymentMethod method,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY",
                    pattern = "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$", example = "2024-03")
            String period,
            @Schema(description = "PER_CAPITA: persons per institution (default: the persons signed with it)")
            List<HeadcountBody> headcounts,
            @Schema(description = "DIP and DRG: the fund's budget for the period, yuan with at most two decimals",
                    minimum = "0", maximum = "1000000000000") BigDecimal budget,
            @Schema(description = "DIP: the catalogue as CSV (group,diagnosis,procedure,name,score,averageCost); DRG: the groups"
                    + " (group,name,weight,averageCost)") String catalogue,
            @Schema(description = "DIP: the case list as CSV (caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,"
                    + "otherFundsPaid); DRG: the grouped stays (caseId,institutionId,group,date,totalCost,patientPaid,otherFundsPaid);"
                    + " BED_DAY: the long stays (caseId,institutionId,category,admissionDate,dischargeDate,totalCost,patientPaid,"
                    + "otherFundsPaid)")
            String cases) {

        PaymentRunRequest toRequest() {
            RegionCode code = Requests.regionCode(region, "region");
            PaymentPeriod p = PaymentPeriod.parse(Requests.required(period, "period"));
            ProviderPaymentMethod m = Requests.required(method, "method");
            boolean weighted = m == ProviderPaymentMethod.DIP || m == ProviderPaymentMethod.DRG;
            if (!weighted && (budget != null || catalogue != null)) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "budget and catalogue are for DIP and DRG runs only");
            }
            if (!weighted && m != ProviderPaymentMethod.BED_DAY && cases != null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "cases are for DIP, DRG and BED_DAY runs only");
            }
            if (m != ProviderPaymentMethod.PER_CAPITA && headcounts != null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "headcounts are for PER_CAPITA runs only");
            }
            return switch (m) {
                case PER_ITEM -> PaymentRunRequest.perItem(code, p);
                case PER_CAPITA -> PaymentRunRequest.perCapita(code, p, headcountMap());
                case DIP -> PaymentRunRequest.dip(code, p, budgetMoney(),
                        DipCatalogueReader.read("catalogue", new StringReader(Requests.required(catalogue, "catalogue"))),
                        DipCaseListReader.read("cases", new StringReader(Requests.required(cases, "cases"))));
                case DRG -> PaymentRunRequest.drg(code, p, budgetMoney(),
                        DrgCatalogueReader.read("catalogue", new StringReader(Requests.required(catalogue, "catalogue"))),
                        DrgCaseListReader.read("cases", new StringReader(Requests.required(cases, "cases"))));
                case BED_DAY -> PaymentRunRequest.bedDay(code, p,
                        BedDayCaseListReader.read("cases", new StringReader(Requests.required(cases, "cases"))));
            };
        }

        /**
         * A region's DIP budget is billions of yuan, above the API's general ceiling on a request
         * amount; the other rules of a request amount hold.
         */
        private Money budgetMoney() {
            BigDecimal yuan = Requests.required(budget, "budget");
            if (yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2 || yuan.compareTo(MAX_BUDGET) > 0) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, "budget must be 0 to " + MAX_BUDGET.toPlainString()
                        + " yuan with at most two decimals, not " + yuan.toPlainString());
            }
            return Money.of(yuan);
        }

        private Map<String, Integer> headcountMap() {
            if (headcounts == null) {
                return null;
            }
            Map<String, Integer> map = new HashMap<>();
            for (HeadcountBody h : headcounts) {
                String id = Requests.checkedId(Requests.required(h, "headcounts[]").institutionId(), "headcounts[].institutionId");
                int persons = Requests.required(h.persons(), "headcounts[].persons");
                if (persons < 0) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "headcounts[].persons must be 0 or more");
                }
                if (map.put(id, persons) != null) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "two headcounts for " + id);
                }
            }
            return map;
        }
    }

    @Schema(name = "Headcount")
    record HeadcountBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Requests.MAX_ID,
            pattern = Requests.ID_PATTERN) String institutionId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") Integer persons) {
    }

    @Schema(name = "InstitutionPayment")
    record InstitutionPaymentView(String institutionId, Money amount, List<TraceView> trace) {
        static InstitutionPaymentView of(InstitutionPayment p) {
            return new InstitutionPaymentView(p.institutionId(), p.amount(), traceOf(p.trace()));
        }
    }

    @Schema(name = "ProviderPaymentRun")
    record PaymentRunView(String runId, String region, String rulesRegion, ProviderPaymentMethod method, String period,
            LocalDate periodFrom, LocalDate periodTo, PaymentRunStatus status, Money total,
            List<InstitutionPaymentView> institutions, List<TraceView> trace, Instant ranAt,
            @Schema(nullable = true) Instant confirmedAt, @Schema(nullable = true) Instant revokedAt) {
        static PaymentRunView of(PaymentRunRecord r) {
            PaymentRun run = r.run();
            return new PaymentRunView(r.id(), r.region().value(), run.region().value(), run.method(), run.period().label(),
                    run.period().from(), run.period().to(), r.status(), run.total(),
                    run.institutions().stream().map(InstitutionPaymentView::of).toList(), traceOf(run.trace()), r.ranAt(),
                    r.confirmedAt(), r.revokedAt());
        }
    }

    /** One trillion yuan. */
    static final BigDecimal MAX_BUDGET = BigDecimal.valueOf(1_000_000_000_000L);

    static List<TraceView> traceOf(List<TraceEntry> trace) {
        return trace.stream().map(t -> new TraceView(t.step(), t.amount(), t.parameter(), Views.cite(t.citation()))).toList();
    }

    /** The body is read here ({@link Json#uploadReader}): a year's DIP case list is tens of megabytes of CSV. */
    @POST
    @io.swagger.v3.oas.annotations.Operation(operationId = "runProviderPayment", summary = "Pays the institutions of a region for a period by one method",
            description = "A paid period returns its first run (200, Idempotent-Replayed: true); other inputs for it are"
                    + " refused (409 IDEMPOTENCY_CONFLICT); an overlapping period is refused.",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RunBody.class))))
    @ApiResponse(responseCode = "201", description = "the run, stored",
            headers = @Header(name = "Location", description = "the run", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = PaymentRunView.class)))
    @ApiResponse(responseCode = "200", description = "the period was paid with these inputs: its first run",
            content = @Content(schema = @Schema(implementation = PaymentRunView.class)))
    @ApiResponse(responseCode = "202", description = "Prefer: respond-async: the run is computed as a job",
            headers = {@Header(name = "Location", description = "the job", schema = @Schema(type = "string")),
                @Header(name = "Preference-Applied", schema = @Schema(type = "string", allowableValues = "respond-async"))},
            content = @Content(schema = @Schema(implementation = JobResource.JobView.class)))
    @Refusals({ErrorCode.INVALID_AMOUNT, ErrorCode.REGION_NOT_DEPLOYED, ErrorCode.RULES_NOT_IN_FORCE,
            ErrorCode.BENEFIT_NOT_COVERED, ErrorCode.DATE_IN_FUTURE, ErrorCode.IDEMPOTENCY_CONFLICT,
            ErrorCode.CONFORMANCE_VIOLATION})
    public Response run(@Parameter(hidden = true) InputStream in, @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor,
            @Parameter(description = "respond-async: answer 202 at once and run as a job", schema = @Schema(type = "string")) @HeaderParam(JobResource.PREFER) List<String> prefer, @Context SecurityContext security) throws IOException {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.RUN_PROVIDER_PAYMENT); // before a body of megabytes is read
        RunBody body = READER.readValue(in);
        PaymentRunRequest request = Requests.required(body, "body").toRequest();
        Access.require(caller, Operation.RUN_PROVIDER_PAYMENT, Target.region(request.region().value()));
        if (JobResource.respondAsync(prefer)) {
            return jobs.accepted(store.providerPayments().submitRun(request,
                    writes.context(security, key, actor, "POST", "/api/v1/provider-payments", body)));
        }
        Booked<PaymentRunRecord> booked = store.providerPayments().run(request,
                writes.context(security, key, actor, "POST", "/api/v1/provider-payments", body));
        PaymentRunView view = PaymentRunView.of(booked.value());
        Response.ResponseBuilder response = booked.replayed() ? Response.ok(view)
                : Response.created(URI.create("/api/v1/provider-payments/" + view.runId())).entity(view);
        return Writes.replayed(response, booked).build();
    }

    /** Confirms a draft: the period is closed for the run's method. */
    @POST
    @Path("{runId}/confirmation")
    @io.swagger.v3.oas.annotations.Operation(operationId = "confirmProviderPayment", summary = "Confirms a DRAFT run: CONFIRMED, the method's period is closed")
    @ApiResponse(responseCode = "200", description = "the run, CONFIRMED",
            content = @Content(schema = @Schema(implementation = PaymentRunView.class)))
    @Refusals({ErrorCode.UNKNOWN_PAYMENT_RUN, ErrorCode.PAYMENT_RUN_STATE, ErrorCode.PAYMENT_RUN_OUTDATED,
            ErrorCode.PERIOD_CLOSED, ErrorCode.IDEMPOTENCY_CONFLICT})
    public Response confirm(@PathParam("runId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String runId, @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor, @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.CONFIRM_PROVIDER_PAYMENT, () -> runRegion(runId));
        Booked<PaymentRunRecord> booked = store.providerPayments().confirm(runId,
                writes.context(security, key, actor, "POST", "/api/v1/provider-payments/" + runId + "/confirmation", null));
        return Writes.replayed(Response.ok(PaymentRunView.of(booked.value())), booked).build();
    }

    /** Revokes a confirmed run (清算撤销): the period is open again. */
    @POST
    @Path("{runId}/revocation")
    @io.swagger.v3.oas.annotations.Operation(operationId = "revokeProviderPayment", summary = "清算撤销: revokes a CONFIRMED run: REVOKED, the period is open again")
    @ApiResponse(responseCode = "200", description = "the run, REVOKED",
            content = @Content(schema = @Schema(implementation = PaymentRunView.class)))
    @Refusals({ErrorCode.UNKNOWN_PAYMENT_RUN, ErrorCode.PAYMENT_RUN_STATE, ErrorCode.IDEMPOTENCY_CONFLICT})
    public Response revoke(@PathParam("runId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String runId, @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor, @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.REVOKE_PROVIDER_PAYMENT, () -> runRegion(runId));
        Booked<PaymentRunRecord> booked = store.providerPayments().revoke(runId,
                writes.context(security, key, actor, "POST", "/api/v1/provider-payments/" + runId + "/revocation", null));
        return Writes.replayed(Response.ok(PaymentRunView.of(booked.value())), booked).build();
    }

    @GET
    @Path("{runId}")
    @io.swagger.v3.oas.annotations.Operation(operationId = "providerPaymentRun", summary = "A stored provider payment run")
    @ApiResponse(responseCode = "200", description = "the run",
            content = @Content(schema = @Schema(implementation = PaymentRunView.class)))
    @Refusals(ErrorCode.UNKNOWN_PAYMENT_RUN)
    public PaymentRunView run(@PathParam("runId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String runId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_PROVIDER_PAYMENT);
        PaymentRunRecord run = find(runId);
        Access.require(caller, Operation.READ_PROVIDER_PAYMENT, Target.region(run.region().value()));
        return PaymentRunView.of(run);
    }

    private PaymentRunRecord find(String runId) {
        return store.providerPayments().find(runId)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_PAYMENT_RUN, "no provider payment run " + runId));
    }

    private Target runRegion(String runId) {
        return Target.region(find(runId).region().value());
    }
}
