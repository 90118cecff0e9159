package org.gongji.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A trivial endpoint: liveness, and the baseline the load generator measures settlements against. */
@Path("/api/v1/ping")
public final class PingResource {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> ping() {
        return OK;
    }
}
