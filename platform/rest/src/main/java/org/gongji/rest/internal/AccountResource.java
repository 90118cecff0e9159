package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import org.gongji.api.error.ErrorCode;
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
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.rest.internal.Requests.CreditBody;
import org.gongji.rest.internal.Requests.PaymentBody;
import org.gongji.rest.internal.Views.AccountView;
import org.gongji.rest.internal.Views.CreditingView;
import org.gongji.rest.internal.Views.PaymentView;
import org.gongji.store.Booked;
import org.gongji.store.CreditingResult;
import org.gongji.store.PaymentRecord;
import org.gongji.store.Store;

/** Personal accounts (个人账户): statement, monthly credits, family payments (家庭共济). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccountResource {

    private final Store store;
    private final Writes writes;

    private final JobResource jobs;

    AccountResource(Store store, Writes writes, JobResource jobs) {
        this.store = store;
        this.writes = writes;
        this.jobs = jobs;
    }

    @GET
    @Path("persons/{personId}/account")
    @Tag(name = "accounts")
    @io.swagger.v3.oas.annotations.Operation(operationId = "account", summary = "A personal account: balance and ledger")
    @ApiResponse(responseCode = "200", description = "the account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @Refusals(ErrorCode.UNKNOWN_PERSON)
    public AccountView account(@PathParam("personId") @Parameter(schema = @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN)) String personId, @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.READ_ACCOUNT, () -> Target.region(store.persons().person(personId)
                .map(p -> p.region().value())
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + personId))));
        return AccountView.of(store.accounts().statement(personId));
    }

    @POST
    @Path("account-credits")
    @Tag(name = "accounts")
    @io.swagger.v3.oas.annotations.Operation(operationId = "creditMonth", summary = "Credits a month to every personal account of a region, once per person and month")
    @ApiResponse(responseCode = "200", description = "how many were credited, and the total",
            content = @Content(schema = @Schema(implementation = CreditingView.class)))
    @ApiResponse(responseCode = "202", description = "Prefer: respond-async: the crediting runs as a job",
            headers = {@Header(name = "Location", description = "the job", schema = @Schema(type = "string")),
                @Header(name = "Preference-Applied", schema = @Schema(type = "string", allowableValues = "respond-async"))},
            content = @Content(schema = @Schema(implementation = JobResource.JobView.class)))
    @Refusals({ErrorCode.REGION_NOT_DEPLOYED, ErrorCode.RULES_NOT_IN_FORCE, ErrorCode.DATE_IN_FUTURE,
            ErrorCode.IDEMPOTENCY_CONFLICT})
    public Response credit(CreditBody body, @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor, @Parameter(description = "respond-async: answer 202 at once and run as a job", schema = @Schema(type = "string")) @HeaderParam(JobResource.PREFER) List<String> prefer,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.CREDIT_ACCOUNTS);
        CreditBody b = Requests.required(body, "body");
        Access.require(caller, Operation.CREDIT_ACCOUNTS, () -> Target.region(b.regionCode().value()));
        if (JobResource.respondAsync(prefer)) {
            return jobs.accepted(store.accounts().submitCrediting(b.regionCode(), b.requiredMonth(),
                    writes.context(security, key, actor, "POST", "/api/v1/account-credits", body)));
        }
        Booked<CreditingResult> booked = store.accounts().creditMonth(b.regionCode(), b.requiredMonth(),
                writes.context(security, key, actor, "POST", "/api/v1/account-credits", body));
        return Writes.replayed(Response.ok(CreditingView.of(booked.value())), booked).build();
    }

    @POST
    @Path("persons/{personId}/account/payments")
    @Tag(name = "accounts")
    @io.swagger.v3.oas.annotations.Operation(operationId = "pay", summary = "家庭共济: pays a family member's own-share cost or premium from the account")
    @ApiResponse(responseCode = "201", description = "paid",
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @Refusals({ErrorCode.INVALID_AMOUNT, ErrorCode.UNKNOWN_PERSON, ErrorCode.REGION_NOT_DEPLOYED,
            ErrorCode.RULES_NOT_IN_FORCE, ErrorCode.ACCOUNT_USE_NOT_ALLOWED, ErrorCode.INSUFFICIENT_BALANCE,
            ErrorCode.REGION_MISMATCH, ErrorCode.IDEMPOTENCY_CONFLICT})
    public Response pay(@PathParam("personId") @Parameter(schema = @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN)) String personId, PaymentBody body,
            @HeaderParam(Writes.IDEMPOTENCY_KEY) String key, @HeaderParam(Writes.ACTOR) String actor,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.FAMILY_PAYMENT);
        var payment = Requests.required(body, "body").toPayment(personId);
        // the payer's bureau: the money leaves an account of its region
        Access.require(caller, Operation.FAMILY_PAYMENT, () -> Target.region(store.persons().person(personId)
                .map(p -> p.region().value())
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + personId))));
        Booked<PaymentRecord> booked = store.accounts().pay(payment,
                writes.context(security, key, actor, "POST", "/api/v1/persons/" + personId + "/account/payments", body));
        return Writes.replayed(Response.status(201).entity(PaymentView.of(booked.value())), booked).build();
    }
}
