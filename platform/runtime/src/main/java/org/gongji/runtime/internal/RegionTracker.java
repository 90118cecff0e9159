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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
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

    /** The catalog key of a jar in deploy/ no framework can install. */
    private record FileKey(java.nio.file.Path file) {
    }

    /**
     * The offers of a bundle that is stopping: they keep serving until its next version serves (an
     * update in place), it is uninstalled, or the deadline passes (a plain stop).
     */
    private static final class Leaving {
        final List<Object> keys = new java.util.ArrayList<>();
        java.util.concurrent.ScheduledFuture<?> deadline;
    }

    /** A stopped region bundle that neither updates nor goes is withdrawn after this. */
    static final long STOP_GRACE_MILLIS = 2000;
    /** An update whose new version does not come within this is taken for gone. */
    static final long UPDATE_GRACE_MILLIS = 60000;

    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final RegionCatalog catalog = new RegionCatalog();
    private final DeploymentLog log = new DeploymentLog();
    private final Map<ServiceReference<Region>, Region> offered = new HashMap<>();
    private final RegionBundleWatcher bundles;
    private final RegionExtender extender;
    private final DeployFolderCheck deployFolder;
    private final Map<Long, Leaving> leaving = new HashMap<>();
    private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gongji region retirement");
                t.setDaemon(true);
                return t;
            });
    private final org.osgi.framework.SynchronousBundleListener lifecycle = this::bundleChanged;
    private ServiceRegistration<SettlementEngine> engine;

    @Activate
    public RegionTracker(BundleContext context, @Reference ConfigurationAdmin configurations) {
        this.context = context;
        this.configurations = configurations;
        this.bundles = new RegionBundleWatcher(context, this::bundleFailed, this::bundleRecovered);
        this.extender = new RegionExtender(context, this::bundleFailed, this::bundleRecovered);
        String deploy = context.getProperty("felix.fileinstall.dir");
        this.deployFolder = new DeployFolderCheck(deploy == null ? null : java.nio.file.Path.of(deploy),
                this::fileFailed, this::fileFixed);
    }

    @Activate
    void activate() {
        context.addBundleListener(lifecycle);
        bundles.open();
        extender.open();
        deployFolder.open();
        engine = context.registerService(SettlementEngine.class, new SettlementEngine(), null);
    }

    @Deactivate
    void deactivate() {
        engine.unregister();
        deployFolder.close();
        extender.close();
        bundles.close();
        context.removeBundleListener(lifecycle);
        timer.shutdownNow();
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
            replaced(service.getBundle().getBundleId(), region);
        }
        log.report(catalog.deployments());
    }

    /**
     * The new version of a bundle updated in place has arrived: the old one leaves once the new
     * one serves; if the new one is refused or waits, the old one keeps serving (the region keeps
     * its previous version), with no deadline.
     */
    private void replaced(long bundleId, Region arrived) {
        Leaving l = leaving.get(bundleId);
        if (l == null) {
            return;
        }
        if (l.deadline != null) {
            l.deadline.cancel(false);
            l.deadline = null;
        }
        if (catalog.servesCurrent(arrived.metadata().code())) {
            withdrawLeaving(bundleId);
        }
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
        Region region = offered.remove(service);
        Bundle bundle = service.getBundle();
        if (region != null && bundle != null && bundle.getState() == Bundle.STOPPING) {
            // perhaps an update in place: the region keeps serving until its next version does
            withdrawLeaving(bundle.getBundleId());
            Leaving l = new Leaving();
            l.keys.add(service);
            l.keys.add(new OverrideKey(service));
            l.keys.forEach(catalog::retire);
            leaving.put(bundle.getBundleId(), l);
            deadline(bundle.getBundleId(), l, STOP_GRACE_MILLIS);
        } else {
            catalog.withdraw(new OverrideKey(service));
            catalog.withdraw(service);
        }
        if (region != null) {
            context.ungetService(service);
        }
        log.report(catalog.deployments());
    }

    private void deadline(long bundleId, Leaving l, long millis) {
        if (l.deadline != null) {
            l.deadline.cancel(false);
        }
        l.deadline = timer.schedule(() -> {
            synchronized (RegionTracker.this) {
                if (leaving.get(bundleId) == l) {
                    withdrawLeaving(bundleId);
                    log.report(catalog.deployments());
                }
            }
        }, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void withdrawLeaving(long bundleId) {
        Leaving l = leaving.remove(bundleId);
        if (l != null) {
            if (l.deadline != null) {
                l.deadline.cancel(false);
            }
            l.keys.forEach(catalog::withdraw);
        }
    }

    /** An update in place gives its new version time to come; an uninstalled bundle's region goes at once. */
    private synchronized void bundleChanged(BundleEvent event) {
        Leaving l = leaving.get(event.getBundle().getBundleId());
        if (l == null) {
            return;
        }
        if (event.getType() == BundleEvent.UPDATED) {
            deadline(event.getBundle().getBundleId(), l, UPDATE_GRACE_MILLIS);
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            withdrawLeaving(event.getBundle().getBundleId());
            log.report(catalog.deployments());
        }
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
        Leaving l = leaving.get(failure.bundleId());
        if (l != null && l.deadline != null) {
            // the new version of an update failed: the previous one keeps serving
            l.deadline.cancel(false);
            l.deadline = null;
        }
        catalog.fail(new BundleKey(failure.bundleId()), failure.code(), failure.version(), failure.problem());
        log.report(catalog.deployments());
    }

    private synchronized void fileFailed(java.nio.file.Path file, String problem) {
        catalog.fail(new FileKey(file), RegionExtender.codeOfTable(file.getFileName().toString()), "", problem);
        log.report(catalog.deployments());
    }

    private synchronized void fileFixed(java.nio.file.Path file) {
        catalog.withdraw(new FileKey(file));
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
