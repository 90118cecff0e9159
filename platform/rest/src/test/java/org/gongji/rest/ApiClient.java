package org.gongji.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.gongji.store.NewClient;
import org.gongji.store.Role;
import org.gongji.store.Store;
import org.gongji.store.WriteContext;

/**
 * Real HTTP against the running server, as one client with its bearer token:
 * {@code ApiClient.admin(store, server.baseUri())} for a test that may do everything,
 * {@link #as(Store, Role, String, String, URI)} for a narrower client, {@link #withToken} and
 * {@link #anonymous} for what a caller without a valid token gets.
 *
 * <p>Every answer is checked against the served OpenAPI document ({@link OpenApiContract}): an
 * answer the document does not describe fails the test that received it.
 */
final class ApiClient {

    /** The served document, read once (every server of the tests serves the same). */
    private static volatile OpenApiContract contract;

    record Reply(int status, String contentType, String location, boolean replayed, String raw, JsonNode json,
            Map<String, java.util.List<String>> headers) {
        String code() {
            return json.path("code").asText();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    /** null: no Authorization header */
    private final String token;
    private final ObjectMapper mapper = new ObjectMapper();

    private final Duration timeout;

    ApiClient(URI base, String token) {
        this(base, token, Duration.ofSeconds(30));
    }

    ApiClient(URI base, String token, Duration timeout) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    /** A new ADMIN client of the store (ADMIN may do everything). */
    static ApiClient admin(Store store, URI base) {
        return as(store, Role.ADMIN, null, null, base);
    }

    /** A new client of the role: {@code region} for BUREAU and AUDITOR, {@code institutionId} for INSTITUTION. */
    static ApiClient as(Store store, Role role, String region, String institutionId, URI base) {
        String token = store.clients().create(NewClient.of("test " + role, role, region, institutionId),
                WriteContext.by("test")).token();
        return new ApiClient(base, token);
    }

    /** Requests without any Authorization header. */
    static ApiClient anonymous(URI base) {
        return new ApiClient(base, null);
    }

    /** The same server with another token (null: none). */
    ApiClient withToken(String otherToken) {
        return new ApiClient(base, otherToken, timeout);
    }

    String token() {
        return token;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply put(String path, String json) {
        return put(path, json, null);
    }

    Reply put(String path, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    Reply post(String path, String json) {
        return post(path, json, null);
    }

    Reply post(String path, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    OpenApiContract contract() {
        if (contract == null) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/openapi.json")).GET()
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new AssertionError("the OpenAPI document is not served: " + r.statusCode());
                }
                contract = new OpenApiContract(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return contract;
    }

    /** Any request, with this client's token added. */
    Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.List<String> wrong = contract().violations(r.request().method(), r.request().uri().getRawPath(),
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Allow").orElse(null), r.body());
            if (!wrong.isEmpty()) {
                throw new AssertionError("the answer is not the one the OpenAPI document describes:\n"
                        + String.join("\n", wrong));
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = r.body().isEmpty() || !type.contains("json") ? mapper.nullNode() : mapper.readTree(r.body());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Idempotent-Replayed").isPresent(), r.body(), json, r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
