package org.gongji.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.eclipse.jetty.server.Request;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.rest.ServerOptions;
import org.gongji.store.Store;

/**
 * The API's resources and providers, registered one by one as instances: no classpath scanning
 * and no auto-discovered features, which do not work inside OSGi.
 */
public final class ApiApplication {

    private ApiApplication() {
    }

    /**
     * @param more further resource instances
     */
    public static ResourceConfig resourceConfig(Store store, RegionRegistry regions, List<Object> more) {
        return resourceConfig(store, regions, more, ServerOptions.loopback(0));
    }

    /** What Jetty answers itself (bad request lines, headers too large), as problem+json. */
    public static Request.Handler errorHandler() {
        return new ProblemErrorHandler(Json.mapper());
    }

    /**
     * @param more further resource instances
     * @param options the transport's settings the resources and filters need (rate limit)
     */
    public static ResourceConfig resourceConfig(Store store, RegionRegistry regions, List<Object> more,
            ServerOptions options) {
        return resourceConfig(store, regions, more, options, new Metrics());
    }

    /**
     * @param metrics the meters the resources count into and {@code GET /metrics} serves
     */
    public static ResourceConfig resourceConfig(Store store, RegionRegistry regions, List<Object> more,
            ServerOptions options, Metrics metrics) {
        ObjectMapper mapper = Json.mapper();
        Writes writes = new Writes(mapper);
        ResourceConfig config = new ResourceConfig();
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Location stays as the resource gives it; ApiHandler puts a path under the public address
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        config.register(new JacksonJsonProvider(mapper));
        config.register(new Problems());
        config.register(new Authentication(store.clients()));
        config.register(new RegionResource(regions));
        config.register(new FilingCheckResource(regions));
        config.register(new ParameterResource());
        config.register(new PersonResource(store, writes));
        config.register(new SettlementResource(store, writes, metrics));
        JobResource jobs = new JobResource(store, Map.of(
                "account-credit", job -> Views.CreditingView.of(store.accounts().creditingResult(job)),
                "provider-payment", job -> ProviderPaymentResource.PaymentRunView.of(
                        store.providerPayments().runOf(job).value()),
                "simulation", job -> Map.of("simulationId", store.simulations().simulationIdOf(job)),
                "person-import", job -> ImportResource.ImportView.of(store.persons().importResult(job)),
                "institution-import", job -> ImportResource.ImportView.of(store.persons().importResult(job))));
        config.register(jobs);
        config.register(new ImportResource(store, mapper, writes, jobs));
        config.register(new AccountResource(store, writes, jobs));
        config.register(new ProviderPaymentResource(store, writes, jobs));
        config.register(new SimulationResource(store, writes, jobs));
        config.register(new OpenApiResource());
        config.register(new PingResource());
        config.register(new ClientResource(store, writes));
        config.register(new AuditResource(store));
        config.register(new ConsoleResource());
        if (options.rateLimit() != null) {
            config.register(new RateLimitFilter(options.rateLimit()));
        }
        config.register(new HealthResource(store, regions));
        config.register(new MetricsResource(metrics));
        config.register(new BackupResource(store));
        more.forEach(config::register);
        config.register(new LiteralPaths(config.getInstances()));
        return config;
    }
}
