package org.gongji.rest.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.gongji.api.error.ErrorCode;
import org.gongji.rest.ServerOptions;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}; a
 * request beyond answers 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After} (whole seconds).
 * Runs after authentication, so the client is the authenticated one ({@link ApiHandler#CLIENT_ID}
 * or the security context's principal); a request not (yet) authenticated counts for the hash
 * of its bearer token, else for its address. The health check is never limited (load balancers
 * poll it).
 */
@Priority(Priorities.AUTHENTICATION + 50)
final class RateLimitFilter implements ContainerRequestFilter {

    /** Above this many clients seen, the buckets start over (unknown tokens must not grow memory without end). */
    static final int MAX_BUCKETS = 100_000;

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(ServerOptions.RateLimit limit) {
        this(limit, System::nanoTime);
    }

    RateLimitFilter(ServerOptions.RateLimit limit, LongSupplier nanoTime) {
        this.perNano = limit.perSecond() / 1e9;
        this.burst = limit.burst();
        this.nanoTime = nanoTime;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("api/v1/health") || path.startsWith("api/v1/health/")) {
            return;
        }
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        long wait = buckets.computeIfAbsent(key(request), k -> new Bucket()).take(nanoTime.getAsLong());
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problems.problem(429, ErrorCode.TOO_MANY_REQUESTS.name(),
                    "more requests than this client's limit; try again in " + seconds + " s"))
                    .header(HttpHeaders.RETRY_AFTER, seconds).build());
        }
    }

    static String key(ContainerRequestContext request) {
        Object clientId = request.getProperty(ApiHandler.CLIENT_ID);
        if (clientId != null) {
            return "client " + clientId;
        }
        Principal principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (principal != null) {
            return "client " + principal.getName();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return "token " + sha256(authorization.trim());
        }
        Object address = request.getProperty(ApiHandler.REMOTE_ADDRESS);
        return "address " + address;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Bucket {
        private double tokens = burst;
        private long last = nanoTime.getAsLong();

        /** Takes a token; returns 0, or the nanoseconds until one is there. */
        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
