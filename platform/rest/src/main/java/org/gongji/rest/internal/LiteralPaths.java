package org.gongji.rest.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A path without variables belongs to its own operations only: {@code GET
 * /api/v1/settlements/preview} is answered 405 with {@code Allow: POST}, not taken for the
 * settlement whose id is "preview" (Jersey would fall back to {@code /settlements/{settlementId}}),
 * and {@code PUT /api/v1/persons/import} registers no person called "import".
 */
@PreMatching
@Priority(Priorities.AUTHORIZATION)
final class LiteralPaths implements ContainerRequestFilter {

    /** Each literal path of the resources and its methods. */
    private final Map<String, Set<String>> methods = new TreeMap<>();

    LiteralPaths(Collection<Object> resources) {
        for (Object resource : resources) {
            Path root = resource.getClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : resource.getClass().getMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = join(root.value(), sub == null ? "" : sub.value());
                if (!path.contains("{")) {
                    methods.computeIfAbsent(path, p -> new TreeSet<>()).add(verb);
                }
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(true).replaceAll("^/+|/+$", "");
        Set<String> allowed = methods.get(path);
        String method = request.getMethod();
        if (allowed == null || allowed.contains(method) || method.equals("OPTIONS")
                || method.equals("HEAD") && allowed.contains("GET")) {
            return;
        }
        throw new NotAllowedException(allowed.iterator().next(), allowed.stream().skip(1).toArray(String[]::new));
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = "/" + (root + "/" + sub).replaceAll("/+", "/").replaceAll("^/|/$", "");
        return path;
    }
}
