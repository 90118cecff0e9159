package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.Optional;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.person.Person;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.rest.internal.Requests.InstitutionBody;
import org.gongji.rest.internal.Requests.PersonBody;
import org.gongji.rest.internal.Views.AccumulatorsView;
import org.gongji.rest.internal.Views.InstitutionView;
import org.gongji.rest.internal.Views.PersonView;
import org.gongji.store.Booked;
import org.gongji.store.Role;
import org.gongji.store.Store;

/** Insured persons, their accumulators, and designated institutions. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PersonResource {

    private final Store store;
    private final Writes writes;

    PersonResource(Store store, Writes writes) {
        this.store = store;
        this.writes = writes;
    }

    @PUT
    @Path("persons/{personId}")
    @Tag(name = "persons")
    @io.swagger.v3.oas.annotations.Operation(operationId = "putPerson", summary = "Registers or replaces an insured person")
    @ApiResponse(responseCode = "200", description = "the person as stored",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @Refusals({ErrorCode.INVALID_AMOUNT, ErrorCode.IDEMPOTENCY_CONFLICT, ErrorCode.REGION_NOT_DEPLOYED,
            ErrorCode.CHANGE_BEFORE_BOOKING, ErrorCode.CHANGE_BEFORE_VERSION, ErrorCode.OUTSIDE_REGION_LIMITS,
            ErrorCode.UNKNOWN_INSTITUTION, ErrorCode.REGION_MISMATCH})
    public Response putPerson(@PathParam("personId") @Parameter(schema = @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN)) String personId, PersonBody body,
            @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.PUT_PERSON);
        PersonBody checked = Requests.required(body, "body");
        Person person = checked.toPerson(personId, LocalDate.now(store.clock()));
        // the region it is written into, and the region it is in now: no bureau moves another's person
        Access.require(caller, Operation.PUT_PERSON, () -> Target.region(person.region().value()));
        Access.require(caller, Operation.PUT_PERSON, () -> Target.region(store.persons().person(personId)
                .map(p -> p.region().value()).orElse(person.region().value())));
        Booked<Person> booked = store.persons().putPerson(person, checked.effectiveFrom(),
                writes.context(security, key, actor, "PUT", "/api/v1/persons/" + personId, body));
        PersonView view = PersonView.of(booked.value(), store.persons().versions(personId), null);
        return Writes.replayed(Response.ok(view), booked).build();
    }

    /** The person with the latest version, or with the version in force on {@code date}. */
    @GET
    @Path("persons/{personId}")
    @Tag(name = "persons")
    @io.swagger.v3.oas.annotations.Operation(operationId = "person", summary = "An insured person")
    @ApiResponse(responseCode = "200", description = "the person",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @Refusals(ErrorCode.UNKNOWN_PERSON)
    public Response person(@PathParam("personId") @Parameter(schema = @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN)) String personId, @QueryParam("date") String date,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_PERSON);
        LocalDate on = date == null ? null : Requests.date(date, "date");
        Person person = (on == null ? store.persons().person(personId) : store.persons().person(personId, on))
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + personId));
        Access.require(caller, Operation.READ_PERSON, new Target(person.region().value(), null,
                () -> store.settlements().hasSettled(personId, caller.institutionId())));
        PersonView view = PersonView.of(person, store.persons().versions(personId), on);
        return Response.ok(caller.role() == Role.INSTITUTION ? Access.forInstitution(view, caller) : view).build();
    }

    /** The region of the person, for the matrix: {@code UNKNOWN_PERSON} when there is none. */
    private Target personRegion(String personId) {
        return Target.region(store.persons().person(personId).map(p -> p.region().value())
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + personId)));
    }

    @GET
    @Path("persons/{personId}/accumulators")
    @Tag(name = "settlements")
    @io.swagger.v3.oas.annotations.Operation(operationId = "accumulators", summary = "What a year has used: deductible, pooled pay per benefit, admissions")
    @ApiResponse(responseCode = "200", description = "the year's accumulators",
            content = @Content(schema = @Schema(implementation = AccumulatorsView.class)))
    @Refusals(ErrorCode.UNKNOWN_PERSON)
    public AccumulatorsView accumulators(@PathParam("personId") @Parameter(schema = @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN)) String personId, @Parameter(required = true, description = "the calendar year", schema = @Schema(type = "integer", minimum = "1998", maximum = "2200")) @QueryParam("year") String year,
            @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.READ_ACCUMULATORS, () -> personRegion(personId));
        int y;
        try {
            y = Integer.parseInt(Requests.required(year, "year"));
        } catch (NumberFormatException e) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "year is YYYY, not " + year);
        }
        return AccumulatorsView.of(personId, store.settlements().accumulators(personId, Requests.year(y, "year")));
    }

    @PUT
    @Path("institutions/{institutionId}")
    @Tag(name = "institutions")
    @io.swagger.v3.oas.annotations.Operation(operationId = "putInstitution", summary = "Registers or replaces a designated institution")
    @ApiResponse(responseCode = "200", description = "the institution as stored",
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @Refusals({ErrorCode.IDEMPOTENCY_CONFLICT, ErrorCode.REGION_NOT_DEPLOYED})
    public Response putInstitution(@PathParam("institutionId") @Parameter(schema = @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN)) String institutionId, InstitutionBody body,
            @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.PUT_INSTITUTION);
        Institution institution = Requests.required(body, "body").toInstitution(institutionId);
        Access.require(caller, Operation.PUT_INSTITUTION, () -> Target.region(institution.region().value()));
        Access.require(caller, Operation.PUT_INSTITUTION, () -> Target.region(store.persons().institution(institutionId)
                .map(i -> i.region().value()).orElse(institution.region().value())));
        Booked<Institution> booked = store.persons().putInstitution(institution,
                writes.context(security, key, actor, "PUT", "/api/v1/institutions/" + institutionId, body));
        return Writes.replayed(Response.ok(InstitutionView.of(booked.value())), booked).build();
    }

    @GET
    @Path("institutions/{institutionId}")
    @Tag(name = "institutions")
    @io.swagger.v3.oas.annotations.Operation(operationId = "institution", summary = "A designated institution")
    @ApiResponse(responseCode = "200", description = "the institution",
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @Refusals(ErrorCode.UNKNOWN_INSTITUTION)
    public InstitutionView institution(@PathParam("institutionId") @Parameter(schema = @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN)) String institutionId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_INSTITUTION);
        Institution institution = store.persons().institution(institutionId)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "no institution " + institutionId));
        Access.require(caller, Operation.READ_INSTITUTION, Target.institution(institutionId, institution.region().value()));
        return InstitutionView.of(institution);
    }
}
