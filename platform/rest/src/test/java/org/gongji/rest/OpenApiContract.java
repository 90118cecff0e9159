package org.gongji.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document as a checker of answers: an answer's status must be one the
 * operation declares, its media type the declared one, and its body valid against the declared
 * schema (networknt json-schema-validator, OpenAPI 3.0 dialect, formats asserted). A request to a
 * path the document does not know must be answered 404, one with a method the path does not have
 * 405 with an {@code Allow} header; neither may be a 5xx.
 */
public final class OpenApiContract {

    static final String DOCUMENT_URI = "https://gongji.test/openapi.json";

    private final JsonNode doc;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern regex, int variables) {
    }

    public OpenApiContract(String document) {
        try {
            doc = new ObjectMapper().readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b
                .schemas(Map.of(DOCUMENT_URI, document))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext();) {
            String path = it.next();
            int variables = 0;
            StringBuilder regex = new StringBuilder();
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{")) {
                    regex.append("[^/]+");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            templates.add(new Template(path, Pattern.compile(regex.toString()), variables));
        }
        // a literal segment is matched before a variable one (as the server does)
        templates.sort(Comparator.comparingInt(Template::variables));
    }

    public JsonNode document() {
        return doc;
    }

    /** Every operation of the document as "VERB /path". */
    public List<String> operations() {
        List<String> ops = new ArrayList<>();
        for (Template t : templates) {
            doc.path("paths").path(t.path()).fieldNames().forEachRemaining(m -> {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m)) {
                    ops.add(m.toUpperCase(Locale.ROOT) + " " + t.path());
                }
            });
        }
        return ops;
    }

    /** The path template of the document that serves a request path, if any. */
    public Optional<String> template(String path) {
        String bare = path.replaceFirst("[?#].*$", "");
        return templates.stream().filter(t -> t.regex().matcher(bare).matches()).map(Template::path).findFirst();
    }

    /** The operation object of a request, if the document has one. */
    public Optional<JsonNode> operation(String method, String path) {
        return template(path).map(t -> doc.path("paths").path(t).path(method.toLowerCase(Locale.ROOT)))
                .filter(n -> !n.isMissingNode());
    }

    /**
     * What is wrong with an answer by the document, or an empty list.
     *
     * @param allow the answer's {@code Allow} header, or null
     */
    public List<String> violations(String method, String path, int status, String contentType, String allow, String body) {
        List<String> wrong = new ArrayList<>();
        String what = method + " " + path + " answered " + status + ": ";
        if (status >= 500 && !declares(method, path, status)) {
            // (readiness declares its 503: a node that cannot book says so)
            wrong.add(what + "a 5xx is never an answer of the API unless the operation declares it: " + body);
            return wrong;
        }
        if (!path.startsWith("/api/")) {
            // not the API (the console's static files)
            return wrong;
        }
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            // without a valid token nothing is told, not even that the path is unknown
            if (status != 404 && status != 401) {
                wrong.add(what + "a path the document does not know is answered 404 (401 without a valid token)");
            }
            return wrong;
        }
        JsonNode op = doc.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
            if (status == 401) {
                return wrong;
            }
            if (status != 405) {
                wrong.add(what + "a method the path does not have (" + template.get() + ") is answered 405"
                        + " (401 without a valid token)");
            } else if (allow == null || allow.isBlank()) {
                wrong.add(what + "a 405 names the methods the path has in an Allow header");
            }
            return wrong;
        }
        JsonNode response = op.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            wrong.add(what + "the operation declares " + fieldNames(op.path("responses")) + ", not " + status + ": " + body);
            return wrong;
        }
        String responsePointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        if (response.has("$ref")) {
            // a shared refusal (components/responses)
            responsePointer = response.get("$ref").asText().substring(1);
            response = doc.at(responsePointer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return wrong;
        }
        String media = contentType == null ? "" : contentType.replaceFirst(";.*$", "").trim().toLowerCase(Locale.ROOT);
        if (content.path(media).isMissingNode()) {
            wrong.add(what + "the answer is " + media + ", the document says " + fieldNames(content));
            return wrong;
        }
        if (content.path(media).path("schema").isMissingNode()) {
            return wrong;
        }
        String pointer = responsePointer + "/content/" + escape(media) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        for (Error e : errors) {
            wrong.add(what + e.getInstanceLocation() + " " + e.getMessage() + " (body " + abbreviate(body) + ")");
        }
        return wrong;
    }

    private boolean declares(String method, String path, int status) {
        return template(path).map(t -> !doc.path("paths").path(t).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(String.valueOf(status)).isMissingNode()).orElse(false);
    }

    /** What is wrong with a request body by the document's request schema of the operation, or an empty list. */
    public List<String> requestViolations(String method, String template, String body) {
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT)
                + "/requestBody/content/application~1json/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
        return schema.validate(body, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /** Whether a value is valid by a schema of the document, given by its JSON pointer. */
    public List<String> valueViolations(String pointer, String json) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
        return schema.validate(json, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
