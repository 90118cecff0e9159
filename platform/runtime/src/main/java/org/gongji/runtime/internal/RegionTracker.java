package org.gongji.runtime.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.registry.RegionCatalog;
import org.gongji.engine.registry.RegionDeployment;
import org.gongji.engine.registry.RegionRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The platform's {@link RegionRegistry}: reads the table of every data-only region jar
 * ({@link RegionExtender}), follows every {@link Region} service as it comes and goes
 * and lets the {@link RegionCatalog} decide which serves. A region whose component fails to
 * activate, or whose bundle does not resolve, is recorded as failed and never serves; a bureau's
 * Config Admin override is offered as a newer version of the region, so a violating override is
 * refused while the region's own numbers keep serving. Also offers the {@link SettlementEngine}
 * as a service.
 */
@Component(service = {RegionRegistry.class, ConfigurationListener.class}, immediate = true)
public class RegionTracker implements RegionRegistry, ConfigurationListener {

    /** The catalog key of a Config Admin override of the region offered under {@code service}. */
    private record OverrideKey(ServiceReference<Region> service) {
    }

    /** The catalog key of a region bundle that does not resolve. */
    private record BundleKey(long bundleId) {
    }

    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final RegionCatalog catalog = new RegionCatalog();
    private final DeploymentLog log = new DeploymentLog();
    private final Map<ServiceReference<Region>, Region> offered = new HashMap<>();
    private final RegionBundleWatcher bundles;
    private final RegionExtender extender;
    private ServiceRegistration<SettlementEngine> engine;

    @Activate
    public RegionTracker(BundleContext context, @Reference ConfigurationAdmin configurations) {
        this.context = context;
        this.configurations = configurations;
        this.bundles = new RegionBundleWatcher(context, this::bundleFailed, this::bundleRecovered);
        this.extender = new RegionExtender(context, this::bundleFailed, this::bundleRecovered);
    }

    @Activate
    void activate() {
        bundles.open();
        extender.open();
        engine = context.registerService(SettlementEngine.class, new SettlementEngine(), null);
    }

    @Deactivate
    void deactivate() {
        engine.unregister();
        extender.close();
        bundles.close();
    }

    @Reference(service = Region.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addRegion(ServiceReference<Region> service) {
        String version = versionOf(service);
        Region region;
        try {
            region = context.getService(service);
        } catch (RuntimeException e) {
            region = null;
        }
        if (region == null) {
            catalog.fail(service, codeOf(service), version,
                    "the region component of bundle " + service.getBundle().getSymbolicName() + " failed to activate (the log has the cause)");
        } else {
            offered.put(service, region);
            if (offer(service, region, version, codeOf(service))) {
                applyOverrides(service, region);
            }
            offerHigherVersionsAgain(service, region.metadata().code());
        }
        log.report(catalog.deployments());
    }

    /**
     * The catalog lets the region offered last serve; the highest bundle version should, whatever
     * order the bundles start in (a restart with two versions in deploy/, an older jar dropped in
     * to try it): offer every higher version of the same region again, lowest first.
     */
    private void offerHigherVersionsAgain(ServiceReference<Region> arrived, RegionCode code) {
        Version arrivedVersion = arrived.getBundle().getVersion();
        offered.entrySet().stream()
                .filter(e -> e.getKey() != arrived && e.getValue().metadata().code().equals(code)
                        && e.getKey().getBundle().getVersion().compareTo(arrivedVersion) > 0)
                .sorted(Comparator.comparing(e -> e.getKey().getBundle().getVersion()))
                .toList()
                .forEach(e -> {
                    if (offer(e.getKey(), e.getValue(), versionOf(e.getKey()), code)) {
                        applyOverrides(e.getKey(), e.getValue());
                    }
                });
    }

    /**
     * Deploys a region unless reading it throws: a region bundle whose code fails when the catalog
     * reads it (metadata, table, bounds, the conformance check) is recorded as failed instead of
     * leaving the catalog half-updated for every other region.
     */
    private boolean offer(Object key, Region region, String version, RegionCode code) {
        try {
            RegionDeployment.providedBy(region);
            region.metadata().code();
            region.bounds();
            catalog.deploy(key, region, version);
            return true;
        } catch (RuntimeException e) {
            catalog.withdraw(key);
            catalog.fail(key, code, version, "the region cannot be read: " + e);
            return false;
        }
    }

    synchronized void removeRegion(ServiceReference<Region> service) {
        catalog.withdraw(new OverrideKey(service));
        catalog.withdraw(service);
        if (offered.remove(service) != null) {
            context.ungetService(service);
        }
        log.report(catalog.deployments());
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        Optional<RegionCode> code = RegionOverrides.regionOf(event.getFactoryPid() != null ? event.getFactoryPid() : event.getPid());
        if (code.isEmpty()) {
            return;
        }
        synchronized (this) {
            offered.forEach((service, region) -> {
                if (region.metadata().code().equals(code.get())) {
                    applyOverrides(service, region);
                }
            });
            log.report(catalog.deployments());
        }
    }

    private void applyOverrides(ServiceReference<Region> service, Region region) {
        OverrideKey key = new OverrideKey(service);
        String version = versionOf(service);
        try {
            Optional<RegionOverrides.Applied> applied = RegionOverrides.apply(configurations, region);
            if (applied.isEmpty()) {
                catalog.withdraw(key);
                return;
            }
            applied.get().audit().forEach(log::audit);
            offer(key, applied.get().region(), version + " + " + applied.get().source(), region.metadata().code());
        } catch (RuntimeException e) {
            log.audit("override of " + region.metadata().code() + " refused: " + e.getMessage());
            // like a violating override: the region's own numbers serve, the refusal is shown
            catalog.withdraw(key);
            catalog.fail(key, region.metadata().code(), version + " + override", "override refused: " + e.getMessage());
        }
    }

    private synchronized void bundleFailed(RegionBundleWatcher.Failure failure) {
        catalog.fail(new BundleKey(failure.bundleId()), failure.code(), failure.version(), failure.problem());
        log.report(catalog.deployments());
    }

    private synchronized void bundleRecovered(long bundleId) {
        catalog.withdraw(new BundleKey(bundleId));
        log.report(catalog.deployments());
    }

    private static String versionOf(ServiceReference<?> service) {
        return service.getBundle().getVersion().toString();
    }

    private static RegionCode codeOf(ServiceReference<?> service) {
        Object code = service.getProperty(RegionService.CODE);
        return code instanceof String s && s.matches("\\d{6}") ? RegionCode.of(s) : null;
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
