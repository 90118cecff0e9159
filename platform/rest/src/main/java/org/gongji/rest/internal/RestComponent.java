package org.gongji.rest.internal;

import java.util.List;
import java.util.Map;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.rest.GongjiServer;
import org.gongji.store.Store;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Serves the API inside OSGi over the store and the region registry (configuration PID
 * {@code org.gongji.rest}; {@code GONGJI_HTTP_PORT} overrides the port).
 */
@Component(service = {}, immediate = true, configurationPid = RestComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestComponent.Config.class)
public final class RestComponent {

    public static final String PID = "org.gongji.rest";
    public static final String PORT_ENV = "GONGJI_HTTP_PORT";

    @ObjectClassDefinition(name = "gongji REST API")
    public @interface Config {
        @AttributeDefinition(description = "HTTP port; the environment variable GONGJI_HTTP_PORT overrides it")
        int port() default 8080;

        String host() default "0.0.0.0";

        @AttributeDefinition(description = "requests handled at once")
        int threads() default 32;
    }

    private final GongjiServer server;

    @Activate
    public RestComponent(@Reference Store store, @Reference RegionRegistry regions, Config config, BundleContext context) {
        server = GongjiServer.start(store, regions, config.host(),
                port(config, System.getenv(), context.getProperty("gongji.http.port")), config.threads(), List.of());
    }

    /** {@code GONGJI_HTTP_PORT}, else the launcher's {@code gongji.http.port}, else the configured port. */
    static int port(Config config, Map<String, String> env, String launcherPort) {
        String fromEnv = env.get(PORT_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Integer.parseInt(fromEnv.trim());
        }
        return launcherPort == null || launcherPort.isBlank() ? config.port() : Integer.parseInt(launcherPort.trim());
    }

    @Deactivate
    void stop() {
        server.close();
    }
}
