package org.gongji.rest.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gongji.rest.Caller;
import org.gongji.store.ClientDirectory;

/**
 * Every request but the public ones ({@code GET /api/v1/health} with its {@code /live} and
 * {@code /ready}, {@code GET /api/v1/openapi.json}, the static files under {@code /console/}) carries {@code Authorization: Bearer <token>} of an
 * active client; otherwise {@code 401 UNAUTHENTICATED} with {@code WWW-Authenticate: Bearer}, before
 * any resource runs. The client becomes the request's {@link Caller}. Runs before matching, so an
 * unknown path without a token is a 401 too, and nothing about the API is learnt without one.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class Authentication implements ContainerRequestFilter {

    static final String CHALLENGE = "Bearer";

    /** RFC 6750 b64token. */
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9._~+/-]+=*) *");
    /** The console page and one file name beside it (the console has no folders), as sent: still encoded. */
    private static final Pattern CONSOLE_FILE = Pattern.compile("console/?|console/[A-Za-z0-9._~%-]+");

    private final ClientDirectory clients;

    Authentication(ClientDirectory clients) {
        this.clients = clients;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(request.getMethod(), request.getUriInfo().getPath(false))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Object peerClient = request.getProperty(ApiHandler.PEER_CLIENT_ID);
        if (header == null && peerClient != null) {
            // mutual TLS: a verified client certificate whose subject the configuration maps to a client
            Optional<Caller> byCertificate = clients.client(peerClient.toString())
                    .filter(c -> c.activeAt(java.time.Instant.now())).map(Caller::of);
            if (byCertificate.isEmpty()) {
                request.abortWith(Problems.unauthenticated("the client of the certificate is unknown, expired or revoked"));
                return;
            }
            request.setProperty(Caller.PROPERTY, byCertificate.get());
            request.setSecurityContext(new CallerContext(byCertificate.get(), request.getSecurityContext().isSecure()));
            return;
        }
        if (header == null) {
            request.abortWith(Problems.unauthenticated("the request needs the header Authorization: Bearer <token>"));
            return;
        }
        var m = BEARER.matcher(header);
        if (!m.matches()) {
            request.abortWith(Problems.unauthenticated("the Authorization header is not Bearer <token>"));
            return;
        }
        Optional<Caller> caller = clients.authenticate(m.group(1)).map(Caller::of);
        if (caller.isEmpty()) {
            request.abortWith(Problems.unauthenticated("the token is unknown, expired or revoked"));
            return;
        }
        request.setProperty(Caller.PROPERTY, caller.get());
        request.setSecurityContext(new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
    }

    /**
     * The paths anyone may read, as sent (not decoded), without a leading slash. A console file is
     * one path segment: whatever it decodes to, only the console resource can match it.
     */
    static boolean isPublic(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("api/v1/health") || p.equals("api/v1/health/live") || p.equals("api/v1/health/ready")
                || p.equals("api/v1/openapi.json")) {
            return true;
        }
        return CONSOLE_FILE.matcher(p).matches() && !p.equals("console/..") && !p.equals("console/.");
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return CHALLENGE;
        }
    }
}
