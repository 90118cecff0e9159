package org.gongji.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.AccountService;
import org.gongji.store.AuditLog;
import org.gongji.store.ChinaTime;
import org.gongji.store.JobService;
import org.gongji.store.ClientDirectory;
import org.gongji.store.PersonDirectory;
import org.gongji.store.ProviderPaymentService;
import org.gongji.store.SettlementService;
import org.gongji.store.SimulationService;
import org.gongji.store.Store;
import org.gongji.store.StoreConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The store inside OSGi: opens the database on activation (configuration PID {@code org.gongji.store},
 * else the {@code GONGJI_*} environment, else the launcher's {@code gongji.data} / {@code gongji.db.*}), closes it and shuts Derby down on deactivation.
 */
@Component(service = Store.class, immediate = true, configurationPid = StoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreComponent.Config.class)
public final class StoreComponent implements Store {

    public static final String PID = "org.gongji.store";

    @ObjectClassDefinition(name = "gongji store", description = "Embedded Derby under the data folder, or PostgreSQL by JDBC URL")
    public @interface Config {
        @AttributeDefinition(description = "data folder; empty: GONGJI_DATA, else ./data")
        String dataFolder() default "";

        @AttributeDefinition(description = "jdbc:postgresql://host:5432/db; empty: GONGJI_JDBC_URL, else embedded Derby")
        String jdbcUrl() default "";

        String jdbcUser() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD)
        String jdbcPassword() default "";

        @AttributeDefinition(description = "at most this many concurrent writes share one transaction (group commit)")
        int writeBatch() default GroupCommit.DEFAULT_MAX_BATCH;

        @AttributeDefinition(description = "persons a chunk (one transaction) of a crediting job; env GONGJI_CREDIT_CHUNK")
        int creditChunk() default CreditingJob.CHUNK;

        @AttributeDefinition(description = "time-zone id whose date is today (env GONGJI_ZONE, framework property"
                + " gongji.zone); empty: Asia/Shanghai")
        String zone() default "";
    }

    public static final String CREDIT_CHUNK_ENV = "GONGJI_CREDIT_CHUNK";

    private final JpaStore store;

    @Activate
    public StoreComponent(@Reference RegionRegistry regions, Config config, BundleContext context) {
        Map<String, String> env = environment(context);
        Clock clock = ChinaTime.clock(System.getenv(), config.zone(), context.getProperty("gongji.zone"));
        this.store = JpaStore.open(configFrom(config, env), regions, clock,
                config.writeBatch(), creditChunk(config, env));
    }

    /**
     * The environment with the launcher's framework properties under it: {@code gongji.data} and a
     * PostgreSQL {@code gongji.db.url} (with {@code gongji.db.user}, {@code gongji.db.password})
     * count where no {@code GONGJI_*} variable is set.
     */
    static Map<String, String> environment(BundleContext context) {
        Map<String, String> env = new HashMap<>();
        putIfSet(env, StoreConfig.DATA_ENV, context.getProperty("gongji.data"));
        String url = context.getProperty("gongji.db.url");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            env.put(StoreConfig.JDBC_URL_ENV, url);
            putIfSet(env, StoreConfig.JDBC_USER_ENV, context.getProperty("gongji.db.user"));
            putIfSet(env, StoreConfig.JDBC_PASSWORD_ENV, context.getProperty("gongji.db.password"));
        }
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("GONGJI_") && !v.isBlank()) {
                env.put(k, v);
            }
        });
        return env;
    }

    private static void putIfSet(Map<String, String> env, String key, String value) {
        if (value != null && !value.isBlank()) {
            env.put(key, value);
        }
    }

    static StoreConfig configFrom(Config config, Map<String, String> env) {
        StoreConfig fromEnv = StoreConfig.fromEnvironment(env);
        return new StoreConfig(
                config.dataFolder().isBlank() ? fromEnv.dataFolder() : Path.of(config.dataFolder()),
                config.jdbcUrl().isBlank() ? fromEnv.jdbcUrl() : config.jdbcUrl(),
                config.jdbcUser().isBlank() ? fromEnv.user() : config.jdbcUser(),
                config.jdbcPassword().isBlank() ? fromEnv.password() : config.jdbcPassword());
    }

    /** {@code GONGJI_CREDIT_CHUNK}, else the configured {@code creditChunk}. */
    static int creditChunk(Config config, Map<String, String> env) {
        String fromEnv = env.get(CREDIT_CHUNK_ENV);
        return fromEnv == null || fromEnv.isBlank() ? config.creditChunk() : Integer.parseInt(fromEnv.trim());
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public PersonDirectory persons() {
        return store.persons();
    }

    @Override
    public SettlementService settlements() {
        return store.settlements();
    }

    @Override
    public AccountService accounts() {
        return store.accounts();
    }

    @Override
    public ProviderPaymentService providerPayments() {
        return store.providerPayments();
    }

    @Override
    public SimulationService simulations() {
        return store.simulations();
    }

    @Override
    public JobService jobs() {
        return store.jobs();
    }

    @Override
    public Clock clock() {
        return store.clock();
    }

    @Override
    public AuditLog audit() {
        return store.audit();
    }

    @Override
    public ClientDirectory clients() {
        return store.clients();
    }
}
