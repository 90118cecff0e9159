package org.gongji.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gongji.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI description and the resources describe the same operations. */
class OpenApiDocumentTest {

    static final List<Class<?>> RESOURCES = List.of(RegionResource.class, ParameterResource.class, PersonResource.class, SettlementResource.class,
            AccountResource.class, ProviderPaymentResource.class, OpenApiResource.class, PingResource.class,
            JobResource.class, ClientResource.class, AuditResource.class,
            ImportResource.class);

    @Test
    void everyResourceOperationIsDescribedAndNothingElse() throws Exception {
        JsonNode doc;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.RESOURCE)) {
            doc = new ObjectMapper().readTree(in);
        }
        Set<String> described = new TreeSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            doc.path("paths").path(path).fieldNames().forEachRemaining(m -> described.add(m.toUpperCase() + " " + path));
        }

        assertThat(described).isEqualTo(operations());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
    }

    static Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                ops.add(verb + " " + (sub == null ? base : base.replaceAll("/$", "") + "/" + sub.value()));
            }
        }
        return ops;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    @Test
    void everyErrorCodeIsARefusalOfTheRequestButAMomentarilyUnavailableRegion() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code == ErrorCode.REGION_UNAVAILABLE) {
                // not a refusal by the rules: 503 with Retry-After, the same request may succeed later
                assertThat(Problems.status(code)).isEqualTo(503);
            } else {
                assertThat(Problems.status(code)).as(code.name()).isBetween(400, 499);
            }
        }
    }

    @Test
    void aMomentarilyUnavailableRegionAnswers503WithRetryAfter() {
        jakarta.ws.rs.core.Response r = new Problems().toResponse(new org.gongji.api.error.GongjiException(
                ErrorCode.REGION_UNAVAILABLE, "region 410800 is deployed but does not serve now"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
    }
}
