package org.gongji.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.Store;
import org.junit.jupiter.api.Test;

/**
 * Every operation the API serves has its row in the access matrix, or is one of the public ones,
 * and the matrix has no row for an operation that is gone: a new endpoint without a row fails here.
 */
class AccessCoverageTest {

    static final Set<String> PUBLIC = Set.of("GET /api/v1/openapi.json", "GET /api/v1/health", "GET /api/v1/health/live",
            "GET /api/v1/health/ready", "GET /console",
            "GET /console/{file}");

    @Test
    void theMatrixHasARowForEveryOperationServed() {
        Set<String> served = new TreeSet<>();
        // the resources as the application registers them (over stores that are never called here)
        for (Object instance : ApiApplication.resourceConfig(nothing(Store.class), nothing(RegionRegistry.class), List.of())
                .getInstances()) {
            Path base = instance.getClass().getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : instance.getClass().getMethods()) {
                String verb = httpMethod(m);
                Path sub = m.getAnnotation(Path.class);
                if (verb != null) {
                    served.add(verb + " " + (sub == null ? base.value() : base.value().replaceAll("/$", "") + "/" + sub.value()));
                }
            }
        }
        served.removeAll(PUBLIC);
        Set<String> rows = Arrays.stream(Access.Operation.values()).map(Access.Operation::endpoint)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(rows).isEqualTo(served);
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

    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null);
    }
}
