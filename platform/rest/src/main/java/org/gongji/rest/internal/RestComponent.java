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

/**
 * Serves the API inside OSGi over the store and the region registry. Settings: {@link RestSettings}
 * (environment {@code GONGJI_*} &gt; configuration PID {@code org.gongji.rest} &gt; launcher
 * property &gt; default).
 */
@Component(service = {}, immediate = true, configurationPid = RestComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class RestComponent {

    public static final String PID = "org.gongji.rest";

    private final GongjiServer server;

    @Activate
    public RestComponent(@Reference Store store, @Reference RegionRegistry regions, Map<String, Object> properties,
            BundleContext context) {
        server = GongjiServer.start(store, regions, new RestSettings(System.getenv(), properties, context::getProperty).options(),
                List.of());
    }

    @Deactivate
    void stop() {
        server.close();
    }
}
