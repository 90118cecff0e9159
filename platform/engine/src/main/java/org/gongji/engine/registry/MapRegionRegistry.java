package org.gongji.engine.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;

/**
 * A registry for plain Java (tests, batch, simulation): regions are put and removed by hand,
 * with the serving rules of the runtime (a city that violates its province's bounds does not serve)
 * but one: a city put without its province serves unchecked, so that a region can be tried alone.
 * The runtime fails closed instead ({@link RegionCatalog#RegionCatalog()}).
 */
public final class MapRegionRegistry implements RegionRegistry {

    private final RegionCatalog catalog = new RegionCatalog(false);

    public MapRegionRegistry(Region... initial) {
        for (Region r : initial) {
            put(r);
        }
    }

    /** Adds or replaces the region under its code. */
    public MapRegionRegistry put(Region region) {
        catalog.withdraw(region.metadata().code());
        catalog.deploy(region.metadata().code(), region, "");
        return this;
    }

    public void remove(RegionCode code) {
        catalog.withdraw(code);
    }

    @Override
    public Optional<Region> find(RegionCode code) {
        return catalog.find(code);
    }

    @Override
    public Collection<Region> all() {
        return catalog.all();
    }

    @Override
    public List<RegionDeployment> deployments() {
        return catalog.deployments();
    }
}
