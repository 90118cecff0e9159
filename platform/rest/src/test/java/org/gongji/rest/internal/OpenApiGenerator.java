package org.gongji.rest.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.store.WriteContext;

/**
 * Generates the served OpenAPI document from the resources in the build (exec-maven-plugin,
 * phase process-test-classes, into target/classes): swagger-core's JAX-RS reader over every
 * {@code @Path} class of the bundle, then the conventions every operation shares, applied here
 * once rather than annotated everywhere:
 * <ul>
 * <li>money is a number with two decimals (described, no {@code multipleOf}); request amounts are 0 to 100,000,000.00;</li>
 * <li>every field of a response is present (required); those that may be null are {@code nullable};
 *     an optional request field may be null; a request body has no fields but its own;</li>
 * <li>the refusals: each status with its codes, from {@link Refusals} and from what every operation
 *     may answer (400 for parameters and bodies, 401/403 unless the operation is public);</li>
 * <li>the bearer security scheme for every operation except those with an empty {@code @SecurityRequirements}.</li>
 * </ul>
 */
public final class OpenApiGenerator {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";

    /** Codes that are not {@link ErrorCode}s of the domain: the access control's and the container's. */
    static final Map<String, Integer> GENERIC_STATUS = Map.of(
            "UNAUTHENTICATED", 401,
            "FORBIDDEN", 403,
            "NOT_ACCEPTABLE", 406,
            "PAYLOAD_TOO_LARGE", 413,
            "URI_TOO_LONG", 414,
            "UNSUPPORTED_MEDIA_TYPE", 415,
            "REQUEST_HEADER_FIELDS_TOO_LARGE", 431);

    /** The refusals every operation (or every one with a body) shares, as components/responses. */
    static final Map<String, String> SHARED = Map.of(
            "UNAUTHENTICATED", "Unauthenticated",
            "FORBIDDEN", "Forbidden",
            "NOT_ACCEPTABLE", "NotAcceptable",
            "PAYLOAD_TOO_LARGE", "PayloadTooLarge",
            "URI_TOO_LONG", "UriTooLong",
            "UNSUPPORTED_MEDIA_TYPE", "UnsupportedMediaType",
            "REQUEST_HEADER_FIELDS_TOO_LARGE", "HeadersTooLarge",
            "TOO_MANY_REQUESTS", "TooManyRequests");

    static final Map<String, String> CODE_TEXT = new LinkedHashMap<>();

    static {
        CODE_TEXT.put("INVALID_REQUEST", "a parameter or field is missing or invalid");
        CODE_TEXT.put("MALFORMED_JSON", "the body is not well-formed JSON");
        CODE_TEXT.put("UNKNOWN_FIELD", "the body has a field the operation does not know");
        CODE_TEXT.put("INVALID_AMOUNT", "an amount is negative, has more than two decimals, is not a number, or there is nothing to settle");
        CODE_TEXT.put("UNAUTHENTICATED", "no valid bearer token (missing, malformed, unknown, expired or revoked)");
        CODE_TEXT.put("FORBIDDEN", "the token's client may not do this (role, region or institution)");
        CODE_TEXT.put("UNKNOWN_PERSON", "no such person");
        CODE_TEXT.put("UNKNOWN_INSTITUTION", "no such institution");
        CODE_TEXT.put("UNKNOWN_SETTLEMENT", "no such settlement");
        CODE_TEXT.put("UNKNOWN_PAYMENT_RUN", "no such provider payment run");
        CODE_TEXT.put("ALREADY_REVERSED", "the settlement was reversed before");
        CODE_TEXT.put("IDEMPOTENCY_CONFLICT", "the Idempotency-Key was used with another request");
        CODE_TEXT.put("PERIOD_CLOSED", "the date falls in a period already paid to providers");
        CODE_TEXT.put("REGION_NOT_DEPLOYED", "no region bundle serves the region (nor its province)");
        CODE_TEXT.put("RULES_NOT_IN_FORCE", "the region's rules do not cover the date");
        CODE_TEXT.put("BENEFIT_NOT_COVERED", "the region does not provide the benefit");
        CODE_TEXT.put("DISEASE_NOT_RECOGNISED", "the person is not recognised with the disease");
        CODE_TEXT.put("REGION_MISMATCH", "the person and the institution or region do not belong together");
        CODE_TEXT.put("ACCOUNT_USE_NOT_ALLOWED", "the region's rules do not allow this use of the account");
        CODE_TEXT.put("INSUFFICIENT_BALANCE", "the account's balance does not cover the amount");
        CODE_TEXT.put("CONFORMANCE_VIOLATION", "the region's numbers violate its province's bounds");
        CODE_TEXT.put("DATE_IN_FUTURE", "a date after today, or a month or period not yet ended");
        CODE_TEXT.put("UNSUPPORTED_MEDIA_TYPE", "the body is not application/json");
        CODE_TEXT.put("PAYLOAD_TOO_LARGE", "the body is above the configured limit (refused before it is read whole)");
        CODE_TEXT.put("NOT_ACCEPTABLE", "the Accept header excludes the answer's media type");
        CODE_TEXT.put("URI_TOO_LONG", "the path and query are longer than the server reads (8 KiB with the request line)");
        CODE_TEXT.put("REQUEST_HEADER_FIELDS_TOO_LARGE", "the headers are larger than the server reads (8 KiB)");
        CODE_TEXT.put("REQUEST_TIMEOUT", "the body did not arrive whole in time");
        CODE_TEXT.put("TOO_MANY_REQUESTS", "the client's rate limit is reached (when one is configured): ask again after Retry-After seconds");
        CODE_TEXT.put("REGION_UNAVAILABLE", "the region is deployed but momentarily does not serve (being updated or checked): ask again after Retry-After seconds");
    }

    /**
     * Response fields left out when null ({@code @JsonInclude(NON_NULL)} on the field, or on the record
     * for its non-primitive fields): not required, by schema name. Filled while the reader resolves types.
     */
    static final Map<String, Set<String>> OMITTED_WHEN_NULL = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Fields of records from other bundles (which carry no OpenAPI annotations) that may be null, by
     * schema name. A record of this bundle says it with {@code @Schema(nullable = true)}.
     */
    static final Map<String, Set<String>> NULLABLE_ELSEWHERE = Map.of(
            "DraftConformance", Set.of("checkedAgainst"),
            "Violation", Set.of("citation", "from"),
            "ChangedParameter", Set.of("replacedValue", "replacedFrom", "replacedCitation"));

    private OpenApiGenerator() {
    }

    /** @param args the file to write, the folder of the bundle's classes */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, json(generate(resources(Path.of(args[1])))));
        System.out.println("OpenAPI document written to " + out);
    }

    /** Every class of the bundle with a {@code @Path}: a new resource is described without a list to keep. */
    static List<Class<?>> resources(Path classes) throws IOException {
        List<Class<?>> found = new ArrayList<>();
        Path root = classes.resolve("org/gongji/rest");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, OpenApiGenerator.class.getClassLoader());
                    if (c.isAnnotationPresent(jakarta.ws.rs.Path.class) && !Modifier.isAbstract(c.getModifiers())) {
                        found.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
        }
        return found;
    }

    static String json(OpenAPI api) throws IOException {
        ObjectMapper mapper = io.swagger.v3.core.util.Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        return mapper.writeValueAsString(api) + "\n";
    }

    static OpenAPI generate(List<Class<?>> resources) {
        ModelConverters.getInstance().addConverter(new Types());
        OpenAPI base = new OpenAPI()
                .info(new Info().title("gongji integrator API").version("1.0.0").description("""
                        Settlement, reversal, accumulators and personal accounts of the employee medical insurance \
                        after the outpatient mutual-aid reform (门诊共济), provider payments, and the region rules behind them.

                        Money is in yuan as a JSON number with at most two decimals (12.30 = 12 yuan 30 fen); \
                        dates are YYYY-MM-DD, months YYYY-MM. Errors are application/problem+json with a stable `code`; \
                        a refused request books nothing. Writes take an `Idempotency-Key`.

                        Every operation needs `Authorization: Bearer <token>` except the health check and this document."""))
                .servers(List.of(new Server().url("/").description("the platform that serves this document")));
        base.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("a client's token (POST /api/v1/clients; the first ADMIN token is in admin.token)")));
        base.addSecurityItem(new SecurityRequirement().addList(BEARER));
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(base)).read(new LinkedHashSet<>(resources));
        conventions(api, resources);
        api.setOpenapi("3.0.3");
        return api;
    }

    // --- what every operation shares ---

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void conventions(OpenAPI api, List<Class<?>> resources) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.put("Problem", problemSchema());
        Map<String, ApiResponse> shared = new TreeMap<>();
        SHARED.forEach((code, name) -> shared.put(name, refusal(status(code), List.of(code))));
        api.getComponents().setResponses(shared);
        Set<String> requestSchemas = new LinkedHashSet<>();
        Set<String> responseSchemas = new LinkedHashSet<>();
        Map<String, Method> methods = methods(resources);
        Set<String> tags = new LinkedHashSet<>();

        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, op) -> {
            Method m = methods.get(verb.name() + " " + path);
            if (m == null) {
                throw new IllegalStateException("no resource method for " + verb + " " + path);
            }
            if (op.getTags() != null) {
                tags.addAll(op.getTags());
            }
            // a resource without @Produces/@Consumes still speaks JSON (the one provider)
            if (op.getRequestBody() != null) {
                json(op.getRequestBody().getContent());
            }
            op.getResponses().values().forEach(r -> json(r.getContent()));
            if (op.getRequestBody() != null) {
                op.getRequestBody().setRequired(true);
                op.getRequestBody().getContent().values().forEach(mt -> refs(mt.getSchema(), schemas, requestSchemas));
            }
            if (op.getParameters() != null) {
                op.getParameters().forEach(OpenApiGenerator::header);
            }
            op.getResponses().forEach((status, r) -> {
                if (r.getContent() != null) {
                    r.getContent().values().forEach(mt -> refs(mt.getSchema(), schemas, responseSchemas));
                }
            });
            refusals(op, m);
        }));

        // an Object field (any JSON value) comes out as an empty object: it has no type
        for (Schema<?> s : schemas.values()) {
            if (s.getProperties() != null) {
                for (Schema<?> p : s.getProperties().values()) {
                    if ("object".equals(p.getType()) && p.getProperties() == null && p.getAdditionalProperties() == null
                            && p.get$ref() == null) {
                        p.setType(null);
                    }
                    // swagger-core adds a restricting @Schema(allowableValues) to the enum's constants: keep the restriction
                    if (p.getEnum() != null && new LinkedHashSet<>(p.getEnum()).size() < p.getEnum().size()) {
                        List<Object> values = new ArrayList<>(p.getEnum());
                        List<Object> twice = new ArrayList<>();
                        Set<Object> seen = new LinkedHashSet<>();
                        for (Object v : values) {
                            if (!seen.add(v) && !twice.contains(v)) {
                                twice.add(v);
                            }
                        }
                        ((Schema<Object>) p).setEnum(twice);
                    }
                }
            }
        }
        for (String name : requestSchemas) {
            Schema<?> s = schemas.get(name);
            s.setAdditionalProperties(false);
            if (s.getProperties() != null) {
                List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
                s.getProperties().forEach((field, p) -> {
                    // (an untyped field takes null anyway; nullable is only allowed beside a type)
                    if (!required.contains(field) && p.getType() != null) {
                        p.setNullable(true);
                    }
                });
            }
        }
        NULLABLE_ELSEWHERE.forEach((name, fields) -> {
            Schema<?> s = schemas.get(name);
            if (s != null && s.getProperties() != null) {
                fields.forEach(p -> {
                    if (s.getProperties().get(p) != null) {
                        s.getProperties().get(p).setNullable(true);
                    }
                });
            }
        });
        // nullable is only allowed beside a type (an untyped field takes null anyway)
        for (Schema<?> s : schemas.values()) {
            if (s.getProperties() != null) {
                s.getProperties().values().stream().filter(p -> p.getType() == null && p.get$ref() == null)
                        .forEach(p -> p.setNullable(null));
            }
        }
        for (String name : responseSchemas) {
            Schema<?> s = schemas.get(name);
            if (s.getProperties() != null) {
                Set<String> omitted = OMITTED_WHEN_NULL.getOrDefault(name, Set.of());
                List<String> required = s.getProperties().keySet().stream().filter(p -> !omitted.contains(p)).toList();
                s.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
            }
        }
        for (String both : requestSchemas) {
            if (responseSchemas.contains(both)) {
                throw new IllegalStateException(both + " is both a request and a response: give each its own record");
            }
        }
        Map<String, String> tagText = Map.of(
                "regions", "Deployed regions, their rules in force and their conformance",
                "persons", "Insured persons",
                "institutions", "Designated institutions (定点医药机构)",
                "settlements", "预结算, 结算, 撤销 and the year's accumulators",
                "accounts", "Personal accounts (个人账户): ledger, monthly credits, family payments (家庭共济)",
                "provider-payments", "What the fund pays the institutions (按人头, DIP, 按项目)",
                "clients", "The API's clients, their tokens, and the audit of who wrote what",
                "simulations", "Fund simulations (基金测算) of a draft of the rules over booked claims",
                "jobs", "Long work (crediting, provider payments, imports, simulations) as jobs",
                "meta", "This description, liveness and readiness (health)");
        api.setTags(tags.stream().sorted().map(t -> new Tag().name(t).description(tagText.getOrDefault(t, t))).toList());
        api.getComponents().setSchemas(new TreeMap<>(schemas));
        Paths sorted = new Paths();
        new TreeMap<>(api.getPaths()).forEach(sorted::addPathItem);
        api.setPaths(sorted);
    }

    static void json(Content content) {
        if (content != null && content.containsKey("*/*")) {
            content.put("application/json", content.remove("*/*"));
        }
    }

    /** The resource method of each operation, by "VERB /path". */
    static Map<String, Method> methods(List<Class<?>> resources) {
        Map<String, Method> byOperation = new LinkedHashMap<>();
        for (Class<?> resource : resources) {
            if (resource.isAnnotationPresent(io.swagger.v3.oas.annotations.Hidden.class)) {
                continue;
            }
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method m : resource.getMethods()) {
                String verb = httpMethod(m);
                if (verb != null) {
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    byOperation.put(verb + " " + join(base, sub == null ? "" : sub.value()), m);
                }
            }
        }
        return byOperation;
    }

    static String join(String base, String sub) {
        String p = stripRegex("/" + base + "/" + sub).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** {@code {id: [0-9]+}} is {@code {id}} in the document. */
    static String stripRegex(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
                continue;
            }
            if (!inRegex) {
                out.append(depth == 1 && c == ' ' ? "" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    static boolean isPublic(Method m) {
        var none = m.getAnnotation(io.swagger.v3.oas.annotations.security.SecurityRequirements.class);
        return none != null && none.value().length == 0;
    }

    private static void header(Parameter p) {
        if (!"header".equals(p.getIn())) {
            return;
        }
        if (Writes.IDEMPOTENCY_KEY.equals(p.getName())) {
            p.description("the same key with the same request answers the first result and books nothing again;"
                    + " with another request it is refused (409)");
            p.setSchema(new StringSchema().minLength(1).maxLength(WriteContext.MAX_KEY_LENGTH).pattern(Requests.ID_PATTERN));
        } else if (Writes.ACTOR.equals(p.getName())) {
            p.description("the operator's name within the calling client, for the audit log");
            p.setSchema(new StringSchema().maxLength(Requests.MAX_NAME));
        }
    }

    /** Each refusal status of the operation with its codes and an example. */
    static void refusals(Operation op, Method m) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add("NOT_ACCEPTABLE");
        boolean hasParameters = op.getParameters() != null && !op.getParameters().isEmpty();
        if (hasParameters || op.getRequestBody() != null) {
            codes.add(ErrorCode.INVALID_REQUEST.name());
        }
        if (hasParameters && op.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()) || "query".equals(p.getIn()))) {
            // the caller's values make the URI: Jetty reads a request line of 8 KiB
            codes.add("URI_TOO_LONG");
        }
        codes.add("REQUEST_HEADER_FIELDS_TOO_LARGE");
        if (op.getRequestBody() != null) {
            codes.add(ErrorCode.MALFORMED_JSON.name());
            codes.add(ErrorCode.UNKNOWN_FIELD.name());
            codes.add("UNSUPPORTED_MEDIA_TYPE");
            codes.add("PAYLOAD_TOO_LARGE");
            codes.add(ErrorCode.REQUEST_TIMEOUT.name());
        }
        Refusals declared = m.getAnnotation(Refusals.class);
        if (declared != null) {
            for (ErrorCode c : declared.value()) {
                codes.add(c.name());
            }
        }
        if (codes.contains(ErrorCode.REGION_NOT_DEPLOYED.name())) {
            // the same look-up of the region: deployed but not serving at this moment (an update, a check)
            codes.add(ErrorCode.REGION_UNAVAILABLE.name());
        }
        if (m.getDeclaringClass() != HealthResource.class) {
            // the rate limit (when configured) spares only the health checks
            codes.add(ErrorCode.TOO_MANY_REQUESTS.name());
        }
        if (isPublic(m)) {
            op.setSecurity(List.of());
        } else {
            codes.add("UNAUTHENTICATED");
            codes.add("FORBIDDEN");
        }
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (String code : codes) {
            byStatus.computeIfAbsent(status(code), s -> new ArrayList<>()).add(code);
        }
        ApiResponses responses = op.getResponses();
        byStatus.forEach((status, list) -> {
            if (list.size() == 1 && SHARED.containsKey(list.get(0))) {
                responses.addApiResponse(String.valueOf(status),
                        new ApiResponse().$ref("#/components/responses/" + SHARED.get(list.get(0))));
            } else {
                responses.addApiResponse(String.valueOf(status), refusal(status, list));
            }
        });
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        op.setResponses(ordered);
    }

    /** A refusal status with its codes: the problem with the code among them, an example of the first. */
    static ApiResponse refusal(int status, List<String> list) {
        {
            StringBuilder text = new StringBuilder("Refused:");
            for (String code : list) {
                text.append("\n- `").append(code).append("`: ").append(CODE_TEXT.getOrDefault(code, code.toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
            Schema<?> schema = new ComposedSchema().allOf(List.of(new Schema<>().$ref("#/components/schemas/Problem"),
                    new ObjectSchema().addProperty("code", new StringSchema()._enum(list))));
            Map<String, Object> example = new LinkedHashMap<>();
            String code = list.get(0);
            example.put("type", Problems.TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
            example.put("title", Character.toUpperCase(code.charAt(0)) + code.substring(1).toLowerCase(Locale.ROOT).replace('_', ' '));
            example.put("status", status);
            example.put("detail", CODE_TEXT.getOrDefault(code, code));
            example.put("code", code);
            ApiResponse r = new ApiResponse().description(text.toString())
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema).example(example)));
            if (status == 401) {
                r.addHeaderObject("WWW-Authenticate", new io.swagger.v3.oas.models.headers.Header()
                        .description("Bearer").schema(new StringSchema()));
            }
            if (status == 429 || status == 503) {
                r.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                        .description("seconds to wait before asking again").required(true)
                        .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
            }
            return r;
        }
    }

    static int status(String code) {
        Integer generic = GENERIC_STATUS.get(code);
        return generic != null ? generic : Problems.status(ErrorCode.valueOf(code));
    }

    static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details with a stable code")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().description("what was wrong, in the integrator's terms"))
                .addProperty("code", new StringSchema().description("stable; integrators match on it"));
        problem.setRequired(List.of("type", "title", "status", "detail", "code"));
        return problem;
    }

    /** The component schemas a schema names, transitively. */
    static void refs(Schema<?> s, Map<String, Schema> schemas, Set<String> into) {
        if (s == null) {
            return;
        }
        if (s.get$ref() != null) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            if (into.add(name)) {
                refs(schemas.get(name), schemas, into);
            }
            return;
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> refs(p, schemas, into));
        }
        if (s.getItems() != null) {
            refs(s.getItems(), schemas, into);
        }
        if (s.getAdditionalProperties() instanceof Schema<?> a) {
            refs(a, schemas, into);
        }
        if (s.getAllOf() != null) {
            s.getAllOf().forEach(p -> refs(p, schemas, into));
        }
    }

    static String description(AnnotatedType type) {
        if (type.getCtxAnnotations() != null) {
            for (Annotation a : type.getCtxAnnotations()) {
                if (a instanceof io.swagger.v3.oas.annotations.media.Schema ann && !ann.description().isEmpty()) {
                    return ann.description();
                }
            }
        }
        return null;
    }

    static void noteOmittedWhenNull(AnnotatedType type, Class<?> raw) {
        if (type.getCtxAnnotations() != null && type.getParent() != null && type.getParent().getName() != null
                && type.getPropertyName() != null) {
            for (Annotation a : type.getCtxAnnotations()) {
                if (a instanceof io.swagger.v3.oas.annotations.media.Schema ann
                        && ann.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED) {
                    OMITTED_WHEN_NULL.computeIfAbsent(type.getParent().getName(), k -> new java.util.TreeSet<>())
                            .add(type.getPropertyName());
                }
                if (a instanceof com.fasterxml.jackson.annotation.JsonInclude inc
                        && inc.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) {
                    OMITTED_WHEN_NULL.computeIfAbsent(type.getParent().getName(), k -> new java.util.TreeSet<>())
                            .add(type.getPropertyName());
                }
            }
        }
        var inc = raw.getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        if (raw.isRecord() && inc != null && inc.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) {
            var named = raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            String name = named != null && !named.name().isEmpty() ? named.name() : raw.getSimpleName();
            for (var c : raw.getRecordComponents()) {
                if (!c.getType().isPrimitive()) {
                    // the annotation goes to the accessor (its target has no RECORD_COMPONENT)
                    var json = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    OMITTED_WHEN_NULL.computeIfAbsent(name, k -> new java.util.TreeSet<>())
                            .add(json != null && !json.value().isEmpty() ? json.value() : c.getName());
                }
            }
        }
    }

    /** The API's own value types as JSON sees them (see Json). */
    static final class Types implements ModelConverter {
        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            JavaType jt = io.swagger.v3.core.util.Json.mapper().constructType(type.getType());
            Class<?> raw = jt.getRawClass();
            noteOmittedWhenNull(type, raw);
            Schema<?> s = null;
            if (raw == Money.class) {
                s = new NumberSchema().description("yuan, a number with at most two decimals (12.30)")
                        .example(new BigDecimal("12.30"));
                if (type.getParent() != null && type.getParent().getName() != null
                        && type.getParent().getName().endsWith("Body")) {
                    // what Json's reader takes
                    s.minimum(BigDecimal.ZERO).maximum(Json.ABSURD.toYuan());
                }
            } else if (raw == Ratio.class) {
                s = new NumberSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.ONE)
                        .description("a fraction 0..1 with at most four decimals").example(new BigDecimal("0.5"));
            } else if (raw == YearMonth.class) {
                s = new StringSchema().pattern("^[0-9]{4}-(0[1-9]|1[0-2])$").description("YYYY-MM").example("2024-03");
            } else if (raw == LocalDate.class) {
                s = new StringSchema().format("date").pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").example("2024-03-05");
            } else if (raw == Object.class) {
                // any JSON value (a parameter's value by its kind): no type
                Schema<?> any = new Schema<>();
                any.setDescription(description(type));
                return any;
            } else if (raw == Instant.class) {
                s = new StringSchema().format("date-time").example("2024-03-05T08:30:00Z");
            }
            if (s == null) {
                return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            }
            if (type.getCtxAnnotations() != null) {
                for (Annotation a : type.getCtxAnnotations()) {
                    if (a instanceof io.swagger.v3.oas.annotations.media.Schema ann) {
                        if (!ann.description().isEmpty()) {
                            s.setDescription(s.getDescription() == null ? ann.description()
                                    : ann.description() + "; " + s.getDescription());
                        }
                        if (ann.nullable()) {
                            s.setNullable(true);
                        }
                        if (ann.exclusiveMinimum() && s.getMinimum() != null) {
                            s.setExclusiveMinimum(true);
                        }
                    }
                }
            }
            return s;
        }
    }
}
