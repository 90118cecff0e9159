package org.gongji.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.store.Client;
import org.gongji.store.IssuedClient;
import org.gongji.store.NewClient;
import org.gongji.store.Role;
import org.gongji.store.Store;

/**
 * The API's clients (ADMIN only): create one (its token is in this one answer), list them without
 * tokens, revoke one.
 */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ClientResource {

    private final Store store;
    private final Writes writes;

    ClientResource(Store store, Writes writes) {
        this.store = store;
        this.writes = writes;
    }

    /**
     * @param region BUREAU and AUDITOR: the region (and its cities) it acts for
     * @param institutionId INSTITUTION: the institution it acts for
     * @param expiresAt optional: the token is refused from then on
     */
    record ClientBody(String name, Role role, String region, String institutionId, Instant expiresAt) {
    }

    record ClientView(String clientId, String name, Role role, String region, String institutionId, Instant createdAt,
            Instant expiresAt, Instant revokedAt) {
        static ClientView of(Client c) {
            return new ClientView(c.clientId(), c.name(), c.role(), c.region(), c.institutionId(), c.createdAt(),
                    c.expiresAt(), c.revokedAt());
        }
    }

    /** The one answer that carries the token. */
    record IssuedView(String clientId, String name, Role role, String region, String institutionId, Instant createdAt,
            Instant expiresAt, String token) {
        static IssuedView of(IssuedClient issued) {
            Client c = issued.client();
            return new IssuedView(c.clientId(), c.name(), c.role(), c.region(), c.institutionId(), c.createdAt(),
                    c.expiresAt(), issued.token());
        }
    }

    @POST
    public Response create(ClientBody body, @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor, @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.CREATE_CLIENT, Access.Target.NONE);
        if (key != null) {
            // a replay could not show the token again: it is stored only as its hash
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "creating a client takes no " + Writes.IDEMPOTENCY_KEY
                    + ": its token is shown once; list the clients to see whether one was created");
        }
        ClientBody b = Requests.required(body, "body");
        IssuedClient issued = store.clients().create(new NewClient(b.name(), b.role(), b.region(), b.institutionId(),
                b.expiresAt()), writes.context(security, null, actor, "POST", "/api/v1/clients", body));
        return Response.created(URI.create("/api/v1/clients/" + issued.client().clientId()))
                .header("Cache-Control", "no-store").entity(IssuedView.of(issued)).build();
    }

    @GET
    public List<ClientView> clients(@Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.LIST_CLIENTS, Access.Target.NONE);
        return store.clients().clients().stream().map(ClientView::of).toList();
    }

    @GET
    @Path("{clientId}")
    public ClientView client(@PathParam("clientId") String clientId, @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.READ_CLIENT, Access.Target.NONE);
        return store.clients().client(clientId).map(ClientView::of)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_CLIENT, "no client " + clientId));
    }

    /** Revokes the client: its token is refused from now on. Revoking twice changes nothing. */
    @DELETE
    @Path("{clientId}")
    public ClientView revoke(@PathParam("clientId") String clientId, @HeaderParam(Writes.ACTOR) String actor,
            @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.REVOKE_CLIENT, Access.Target.NONE);
        return ClientView.of(store.clients().revoke(clientId,
                writes.context(security, null, actor, "DELETE", "/api/v1/clients/" + clientId, "")));
    }
}
