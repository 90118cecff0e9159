package org.gongji.rest;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.gongji.store.Client;
import org.gongji.store.Role;

/**
 * The authenticated client of a request: what the bearer token stands for. Resources get it with
 * {@code @Context SecurityContext security} and {@link #of(SecurityContext)}.
 *
 * @param region for {@code BUREAU} and {@code AUDITOR}: the region (and the cities under it) it acts for
 * @param institutionId for {@code INSTITUTION}: the one institution it acts for
 */
public record Caller(String clientId, Role role, String region, String institutionId) implements Principal {

    /** The request property that holds the caller (also the security context's principal). */
    public static final String PROPERTY = Caller.class.getName();

    public static Caller of(Client client) {
        return new Caller(client.clientId(), client.role(), client.region(), client.institutionId());
    }

    /** The caller of the request; fails where no filter authenticated it (a public path). */
    public static Caller of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("the request was not authenticated");
    }

    @Override
    public String getName() {
        return clientId;
    }
}
