package org.gongji.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Notices region bundles that cannot take part: a bundle that does not resolve (it imports a
 * package nobody exports) and a bundle the framework reports an error for. A region bundle is a
 * data-only jar whose manifest names its table ({@code Gongji-Region}), or one whose manifest says
 * it provides a {@link Region} service (bnd writes that from the DS annotations).
 */
final class RegionBundleWatcher implements SynchronousBundleListener, FrameworkListener {

    /** A region bundle that does not serve, and why. */
    record Failure(long bundleId, RegionCode code, String version, String problem) {
    }

    private static final Pattern PACKAGE_IN_FILTER = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern CODE_PROPERTY = Pattern.compile("name=\"region\\.code\"[^>]*value=\"(\\d{6})\"");

    private final BundleContext context;
    private final Consumer<Failure> failed;
    private final LongConsumer recovered;
    /** How long a region bundle may stay unresolved after it was installed before it is checked: FileInstall starts it meanwhile. */
    private static final long GRACE_MILLIS = 1000;

    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gongji region bundle checks");
        t.setDaemon(true);
        return t;
    });

    RegionBundleWatcher(BundleContext context, Consumer<Failure> failed, LongConsumer recovered) {
        this.context = context;
        this.failed = failed;
        this.recovered = recovered;
    }

    void open() {
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.INSTALLED && isRegionBundle(b)) {
                check(b);
            }
        }
    }

    void close() {
        context.removeFrameworkListener(this);
        context.removeBundleListener(this);
        checks.shutdownNow();
        try {
            checks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED, BundleEvent.UNRESOLVED -> {
                if (isRegionBundle(b)) {
                    check(b);
                }
            }
            case BundleEvent.RESOLVED, BundleEvent.UNINSTALLED -> recovered.accept(b.getBundleId());
            default -> {
            }
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        Bundle b = event.getBundle();
        if (event.getType() == FrameworkEvent.ERROR && b != null && isRegionBundle(b)) {
            String cause = event.getThrowable() == null ? "framework error" : event.getThrowable().getMessage();
            failed.accept(new Failure(b.getBundleId(), codeOf(b), b.getVersion().toString(), "bundle error: " + cause));
        }
    }

    private void check(Bundle b) {
        checks.schedule(() -> checkResolvable(b), GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Looks for mandatory imports no bundle provides. Read-only on purpose: resolving from here
     * would compete with FileInstall for the framework's resolver lock.
     */
    private void checkResolvable(Bundle b) {
        if (b.getState() != Bundle.INSTALLED) {
            return;
        }
        FrameworkWiring wiring = context.getBundle(org.osgi.framework.Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        List<String> missing = missing(b, wiring);
        if (!missing.isEmpty() && b.getState() == Bundle.INSTALLED) {
            failed.accept(new Failure(b.getBundleId(), codeOf(b), b.getVersion().toString(),
                    "bundle " + b.getSymbolicName() + " does not resolve: no bundle exports " + String.join(", ", missing)));
        }
    }

    private static List<String> missing(Bundle b, FrameworkWiring wiring) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        List<String> missing = new ArrayList<>();
        if (revision != null) {
            for (BundleRequirement r : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
                boolean optional = PackageNamespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
                if (!optional && wiring.findProviders(r).isEmpty()) {
                    String filter = r.getDirectives().getOrDefault("filter", r.toString());
                    Matcher name = PACKAGE_IN_FILTER.matcher(filter);
                    missing.add(name.find() ? name.group(1) : filter);
                }
            }
        }
        return missing;
    }

    static boolean isRegionBundle(Bundle b) {
        if (RegionExtender.tableOf(b) != null) {
            return true;
        }
        String provided = b.getHeaders("").get("Provide-Capability");
        return provided != null && provided.contains(Region.class.getName());
    }

    /** The region code from the bundle's component descriptions, where bnd wrote the service property. */
    static RegionCode codeOf(Bundle b) {
        String table = RegionExtender.tableOf(b);
        if (table != null) {
            return RegionExtender.codeOfTable(table);
        }
        String components = b.getHeaders("").get("Service-Component");
        if (components == null) {
            return null;
        }
        for (String path : components.split(",")) {
            URL entry = b.getEntry(path.strip());
            if (entry == null) {
                continue;
            }
            try (InputStream in = entry.openStream()) {
                Matcher m = CODE_PROPERTY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    return RegionCode.of(m.group(1));
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

}
