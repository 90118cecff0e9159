package org.gongji.loadgen.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The gongji API as the checks call it: JSON in and out, amounts as exact decimals, the ADMIN token on every request. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One answer; status -1 when the connection failed or timed out (the request may or may not have been booked). */
    record Answer(int status, JsonNode body, String replayed) {
        boolean is(int expected) {
            return status == expected;
        }

        /** An amount of the answer at scale 2 (0.00 when absent). */
        BigDecimal money(String field) {
            JsonNode n = body.path(field);
            return (n.isMissingNode() || n.isNull() ? BigDecimal.ZERO : n.decimalValue()).setScale(2);
        }

        String text(String field) {
            return body.path(field).asText(null);
        }

        String code() {
            return body.path("code").asText("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String token;

    Api(String token) {
        this.token = token;
    }

    Answer get(URI node, String path) {
        return send(node, "GET", path, null, null);
    }

    Answer put(URI node, String path, String json) {
        return send(node, "PUT", path, json, null);
    }

    Answer post(URI node, String path, String json, String idempotencyKey) {
        return send(node, "POST", path, json, idempotencyKey);
    }

    Answer send(URI node, String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = MissingNode.getInstance();
            String text = response.body();
            if (text != null && !text.isBlank() && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                body = JSON.readTree(text);
            }
            return new Answer(response.statusCode(), body, response.headers().firstValue("Idempotent-Replayed").orElse(null));
        } catch (IOException e) {
            return new Answer(-1, JSON.createObjectNode().put("detail", e.toString()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JSON.createObjectNode().put("detail", "interrupted"), null);
        }
    }

    /** The answer, or a failure of the check naming what was asked and what came back. */
    static Answer expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new CheckFailed(what + " answered " + answer + ", expected " + status);
        }
        return answer;
    }
}
