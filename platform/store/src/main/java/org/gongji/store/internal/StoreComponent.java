package org.gongji.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.AccountService;
import org.gongji.store.PersonDirectory;
import org.gongji.store.ProviderPaymentService;
import org.gongji.store.SettlementService;
import org.gongji.store.Store;
import org.gongji.store.StoreConfig;
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
 * else the {@code GONGJI_*} environment), closes it and shuts Derby down on deactivation.
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
    }

    private final JpaStore store;

    @Activate
    public StoreComponent(@Reference RegionRegistry regions, Config config) {
        this.store = JpaStore.open(configFrom(config, System.getenv()), regions, Clock.systemDefaultZone());
    }

    static StoreConfig configFrom(Config config, Map<String, String> env) {
        StoreConfig fromEnv = StoreConfig.fromEnvironment(env);
        return new StoreConfig(
                config.dataFolder().isBlank() ? fromEnv.dataFolder() : Path.of(config.dataFolder()),
                config.jdbcUrl().isBlank() ? fromEnv.jdbcUrl() : config.jdbcUrl(),
                config.jdbcUser().isBlank() ? fromEnv.user() : config.jdbcUser(),
                config.jdbcPassword().isBlank() ? fromEnv.password() : config.jdbcPassword());
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
}
