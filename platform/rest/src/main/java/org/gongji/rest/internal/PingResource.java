package org.gongji.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;

/** A trivial endpoint: liveness, and the baseline the load generator measures settlements against. */
@Path("/api/v1/ping")
public final class PingResource {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> ping(@Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.PING);
        return OK;
    }
}
