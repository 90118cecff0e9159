package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "clients")
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
    @Schema(name = "ClientBody", description = "BUREAU and AUDITOR name a region, INSTITUTION an institutionId.")
    record ClientBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Requests.MAX_NAME,
            pattern = Requests.ID_PATTERN) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Role role,
            @Schema(pattern = Requests.REGION_PATTERN) String region,
            @Schema(minLength = 1, maxLength = Requests.MAX_ID, pattern = Requests.ID_PATTERN) String institutionId,
            @Schema(description = "the token is refused from then on") Instant expiresAt) {
    }

    @Schema(name = "Client")
    record ClientView(String clientId, String name, Role role, @Schema(nullable = true) String region,
            @Schema(nullable = true) String institutionId, Instant createdAt, @Schema(nullable = true) Instant expiresAt,
            @Schema(nullable = true) Instant revokedAt) {
        static ClientView of(Client c) {
            return new ClientView(c.clientId(), c.name(), c.role(), c.region(), c.institutionId(), c.createdAt(),
                    c.expiresAt(), c.revokedAt());
        }
    }

    /** The one answer that carries the token. */
    @Schema(name = "IssuedClient")
    record IssuedView(String clientId, String name, Role role, @Schema(nullable = true) String region,
            @Schema(nullable = true) String institutionId, Instant createdAt, @Schema(nullable = true) Instant expiresAt,
            @Schema(description = "shown this once: only its hash is kept") String token) {
        static IssuedView of(IssuedClient issued) {
            Client c = issued.client();
            return new IssuedView(c.clientId(), c.name(), c.role(), c.region(), c.institutionId(), c.createdAt(),
                    c.expiresAt(), issued.token());
        }
    }

    @POST
    @io.swagger.v3.oas.annotations.Operation(operationId = "createClient", summary = "Creates a client and its token (shown this once)")
    @ApiResponse(responseCode = "201", description = "the client with its token",
            headers = @Header(name = "Location", description = "the client", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = IssuedView.class)))
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
    @io.swagger.v3.oas.annotations.Operation(operationId = "clients", summary = "Every client, without tokens")
    @ApiResponse(responseCode = "200", description = "the clients",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ClientView.class))))
    public List<ClientView> clients(@Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.LIST_CLIENTS, Access.Target.NONE);
        return store.clients().clients().stream().map(ClientView::of).toList();
    }

    @GET
    @Path("{clientId}")
    @io.swagger.v3.oas.annotations.Operation(operationId = "client", summary = "A client, without its token")
    @ApiResponse(responseCode = "200", description = "the client", content = @Content(schema = @Schema(implementation = ClientView.class)))
    @Refusals(ErrorCode.UNKNOWN_CLIENT)
    public ClientView client(@PathParam("clientId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String clientId, @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.READ_CLIENT, Access.Target.NONE);
        return store.clients().client(clientId).map(ClientView::of)
                .orElseThrow(() -> new GongjiException(ErrorCode.UNKNOWN_CLIENT, "no client " + clientId));
    }

    /** Revokes the client: its token is refused from now on. Revoking twice changes nothing. */
    @DELETE
    @Path("{clientId}")
    @io.swagger.v3.oas.annotations.Operation(operationId = "revokeClient", summary = "Revokes a client: its token is refused from now on; twice changes nothing")
    @ApiResponse(responseCode = "200", description = "the client, revoked",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @Refusals(ErrorCode.UNKNOWN_CLIENT)
    public ClientView revoke(@PathParam("clientId") @Parameter(schema = @Schema(minLength = 1, maxLength = 64)) String clientId, @HeaderParam(Writes.ACTOR) String actor,
            @Context SecurityContext security) {
        Access.require(Caller.of(security), Operation.REVOKE_CLIENT, Access.Target.NONE);
        return ClientView.of(store.clients().revoke(clientId,
                writes.context(security, null, actor, "DELETE", "/api/v1/clients/" + clientId, "")));
    }
}
