package org.gongji.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.AccountService;
import org.gongji.store.AuditLog;
import org.gongji.store.Backups;
import org.gongji.store.ChinaTime;
import org.gongji.store.JobService;
import org.gongji.store.ClientDirectory;
import org.gongji.store.PersonDirectory;
import org.gongji.store.ProviderPaymentService;
import org.gongji.store.SettlementService;
import org.gongji.store.SimulationService;
import org.gongji.store.Settings;
import org.gongji.store.Settings.Setting;
import org.gongji.store.Store;
import org.gongji.store.StoreConfig;
import org.gongji.store.StoreMonitor;
import org.gongji.store.StoreTuning;
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
 * The store inside OSGi: opens the database on activation, closes it and shuts Derby down on
 * deactivation. Every setting follows {@link Settings}: {@code GONGJI_*} &gt; configuration PID
 * {@code org.gongji.store} &gt; launcher property {@code gongji.*} &gt; default.
 */
@Component(service = Store.class, immediate = true, configurationPid = StoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreComponent.Config.class)
public final class StoreComponent implements Store {

    public static final String PID = "org.gongji.store";
    public static final String CREDIT_CHUNK_ENV = "GONGJI_CREDIT_CHUNK";

    static final Setting DATA = new Setting("dataFolder", StoreConfig.DATA_ENV, "gongji.data", "data");
    static final Setting JDBC_URL = new Setting("jdbcUrl", StoreConfig.JDBC_URL_ENV, "gongji.db.url", "");
    static final Setting JDBC_USER = new Setting("jdbcUser", StoreConfig.JDBC_USER_ENV, "gongji.db.user", "");
    static final Setting JDBC_PASSWORD = new Setting("jdbcPassword", StoreConfig.JDBC_PASSWORD_ENV, "gongji.db.password", "");
    static final Setting WRITE_BATCH = new Setting("writeBatch", "GONGJI_WRITE_BATCH", "gongji.store.writeBatch",
            Integer.toString(StoreTuning.DEFAULT_WRITE_BATCH));
    static final Setting POOL_SIZE = new Setting("poolSize", "GONGJI_DB_POOL_SIZE", "gongji.db.poolSize",
            Integer.toString(StoreTuning.DEFAULT_POOL_SIZE));
    static final Setting POOL_LIFETIME = new Setting("poolLifetimeSeconds", "GONGJI_DB_POOL_LIFETIME_SECONDS",
            "gongji.db.poolLifetimeSeconds", Long.toString(StoreTuning.DEFAULT_POOL_LIFETIME_SECONDS));
    static final Setting CREDIT_CHUNK = new Setting("creditChunk", StoreComponent.CREDIT_CHUNK_ENV, "gongji.store.creditChunk",
            Integer.toString(CreditingJob.CHUNK));
    static final Setting ZONE = new Setting("zone", ChinaTime.ZONE_ENV, "gongji.zone", "Asia/Shanghai");
    static final Setting WRITERS = new Setting("writers", "GONGJI_WRITERS", "gongji.store.writers",
            Integer.toString(StoreTuning.DEFAULT_WRITERS));
    static final Setting CONNECTION_TIMEOUT = new Setting("connectionTimeoutSeconds", "GONGJI_DB_CONNECTION_TIMEOUT_SECONDS",
            "gongji.db.connectionTimeoutSeconds", Integer.toString(StoreTuning.DEFAULT_CONNECTION_TIMEOUT_SECONDS));

    @ObjectClassDefinition(name = "gongji store", description = "Embedded Derby under the data folder, or PostgreSQL by JDBC URL."
            + " GONGJI_* variables win over this configuration, which wins over the launcher's gongji.* properties.")
    public @interface Config {
        @AttributeDefinition(description = "data folder (GONGJI_DATA, gongji.data); default ./data")
        String dataFolder() default "";

        @AttributeDefinition(description = "jdbc:postgresql://host:5432/db (GONGJI_JDBC_URL, gongji.db.url); empty: embedded Derby")
        String jdbcUrl() default "";

        @AttributeDefinition(description = "GONGJI_JDBC_USER, gongji.db.user")
        String jdbcUser() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "GONGJI_JDBC_PASSWORD, gongji.db.password")
        String jdbcPassword() default "";

        @AttributeDefinition(description = "at most this many concurrent writes share one transaction (GONGJI_WRITE_BATCH)")
        int writeBatch() default StoreTuning.DEFAULT_WRITE_BATCH;

        @AttributeDefinition(description = "persons a chunk (one transaction) of a crediting job (GONGJI_CREDIT_CHUNK)")
        int creditChunk() default CreditingJob.CHUNK;

        @AttributeDefinition(description = "time-zone id whose date is today (GONGJI_ZONE, gongji.zone); default Asia/Shanghai")
        String zone() default "";
        @AttributeDefinition(description = "group-commit writer threads, 1 for Derby; on PostgreSQL more may help (GONGJI_WRITERS)")
        int writers() default StoreTuning.DEFAULT_WRITERS;

        @AttributeDefinition(description = "at most this many database connections (GONGJI_DB_POOL_SIZE)")
        int poolSize() default StoreTuning.DEFAULT_POOL_SIZE;

        @AttributeDefinition(description = "a pooled connection is retired after this many seconds (GONGJI_DB_POOL_LIFETIME_SECONDS)")
        long poolLifetimeSeconds() default StoreTuning.DEFAULT_POOL_LIFETIME_SECONDS;

        @AttributeDefinition(description = "a request waits at most this many seconds for a connection (GONGJI_DB_CONNECTION_TIMEOUT_SECONDS)")
        int connectionTimeoutSeconds() default StoreTuning.DEFAULT_CONNECTION_TIMEOUT_SECONDS;
    }

    private final JpaStore store;

    /** {@code properties}: the configuration of {@link #PID} as Config Admin has it (no defaults merged in). */
    @Activate
    public StoreComponent(@Reference RegionRegistry regions, Map<String, Object> properties, BundleContext context) {
        Settings settings = new Settings(properties, context::getProperty, System.getenv());
        this.store = JpaStore.open(configFrom(settings), regions, clockFrom(settings), tuningFrom(settings),
                settings.integer(CREDIT_CHUNK));
    }

    static Clock clockFrom(Settings settings) {
        return ChinaTime.clock(Map.of(), settings.string(ZONE), null);
    }

    static int creditChunk(Settings settings) {
        return settings.integer(CREDIT_CHUNK);
    }

    static StoreConfig configFrom(Settings settings) {
        return new StoreConfig(Path.of(settings.string(DATA)), blankToNull(settings.string(JDBC_URL)),
                blankToNull(settings.string(JDBC_USER)), blankToNull(settings.string(JDBC_PASSWORD)));
    }

    static StoreTuning tuningFrom(Settings settings) {
        return new StoreTuning(settings.integer(WRITE_BATCH), settings.integer(POOL_SIZE),
                settings.integer(POOL_LIFETIME), settings.integer(CONNECTION_TIMEOUT), settings.integer(WRITERS));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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
    public Backups backups() {
        return store.backups();
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

    @Override
    public Optional<StoreMonitor> monitor() {
        return store.monitor();
    }
}
