package org.gongji.store;

import java.time.Clock;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.internal.JpaStore;

/** Opens a store in plain Java (tests, tools, the plain-Java server). */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens (creating or migrating the schema) the database the configuration names, with the
     * system clock in China's zone ({@code GONGJI_ZONE} to change it; see {@link ChinaTime}).
     */
    public static OpenStore open(StoreConfig config, RegionRegistry regions) {
        return open(config, regions, ChinaTime.fromEnvironment());
    }

    /** As {@link #open(StoreConfig, RegionRegistry)}, with the clock that dates payments and audit entries. */
    public static OpenStore open(StoreConfig config, RegionRegistry regions, Clock clock) {
        return JpaStore.open(config, regions, clock);
    }

    /** As {@link #open(StoreConfig, RegionRegistry, Clock)}, crediting {@code creditChunk} persons a transaction of a crediting job. */
    public static OpenStore open(StoreConfig config, RegionRegistry regions, Clock clock, int creditChunk) {
        return JpaStore.open(config, regions, clock, StoreTuning.defaults(), creditChunk);
    }
}
