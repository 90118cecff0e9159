package org.gongji.engine.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;

/** A registry for plain Java (tests, batch, simulation): regions are put and removed by hand. */
public final class MapRegionRegistry implements RegionRegistry {

    private final Map<RegionCode, Region> regions = new ConcurrentHashMap<>();

    public MapRegionRegistry(Region... initial) {
        for (Region r : initial) {
            put(r);
        }
    }

    /** Adds or replaces the region under its code. */
    public MapRegionRegistry put(Region region) {
        regions.put(region.metadata().code(), region);
        return this;
    }

    public void remove(RegionCode code) {
        regions.remove(code);
    }

    @Override
    public Optional<Region> find(RegionCode code) {
        return Optional.ofNullable(regions.get(code));
    }

    @Override
    public Collection<Region> all() {
        return List.copyOf(regions.values());
    }
}
