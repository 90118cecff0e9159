package org.gongji.rest.internal;

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
    public Response putPerson(@PathParam("personId") String personId, PersonBody body,
            @HeaderParam(Writes.IDEMPOTENCY_KEY) String key, @HeaderParam(Writes.ACTOR) String actor,
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
    public Response person(@PathParam("personId") String personId, @QueryParam("date") String date,
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
    public AccumulatorsView accumulators(@PathParam("personId") String personId, @QueryParam("year") String year,
            @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.READ_ACCUMULATORS, () -> personRegion(personId));
        int y;
        try {
            y = Integer.parseInt(Requests.required(year, "year"));
        } catch (NumberFormatException e) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "year is YYYY, not " + year);
        }
        if (y < 1998 || y > 2200) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "year " + y + " is outside the insurance's years");
        }
        return AccumulatorsView.of(personId, store.settlements().accumulators(personId, y));
    }

    @PUT
    @Path("institutions/{institutionId}")
    public Response putInstitution(@PathParam("institutionId") String institutionId, InstitutionBody body,
            @HeaderParam(Writes.IDEMPOTENCY_KEY) String key, @HeaderParam(Writes.ACTOR) String actor,
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
    public InstitutionView institution(@PathParam("institutionId") String institutionId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_INSTITUTION);
        Institution institution = store.persons().institution(institutionId)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "no institution " + institutionId));
        Access.require(caller, Operation.READ_INSTITUTION, Target.institution(institutionId, institution.region().value()));
        return InstitutionView.of(institution);
    }
}
