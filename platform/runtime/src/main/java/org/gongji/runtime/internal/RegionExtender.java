package org.gongji.runtime.internal;

import java.net.URL;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.RegionJar;
import org.gongji.rules.StandardRegion;
import org.gongji.rules.vocabulary.Vocabulary;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;

/**
 * Turns a data-only region jar into a {@link Region}: a bundle whose manifest names its table
 * ({@code Gongji-Region: rules/410800-jiaozuo.txt}) and carries no Java. When the bundle starts, the
 * table is read and checked against the key vocabulary, and a {@link StandardRegion} of it is
 * registered in the region bundle's name (so its version is the bundle's, and stopping the bundle
 * withdraws it). A table the vocabulary refuses is reported as a failure naming the line and the
 * key. The tables are read by the rules bundle's classes: an update of the rules bundle restarts
 * this extender, which reads every table again, while the region bundles themselves stay as they are.
 */
final class RegionExtender extends BundleTracker<Object> {

    /** What the tracker keeps for a bundle whose table was refused (else its registration). */
    private static final Object REFUSED = new Object();

    /** The manifest header of a data-only region jar: the path of its table inside the jar. */
    static final String HEADER = RegionJar.HEADER;

    private static final Pattern CODE_IN_NAME = Pattern.compile("(?:^|/)(\\d{6})[^/]*$");

    private final Consumer<RegionBundleWatcher.Failure> failed;
    private final LongConsumer recovered;

    RegionExtender(BundleContext context, Consumer<RegionBundleWatcher.Failure> failed, LongConsumer recovered) {
        super(context, Bundle.ACTIVE, null);
        this.failed = failed;
        this.recovered = recovered;
    }

    static String tableOf(Bundle b) {
        String table = b.getHeaders("").get(HEADER);
        return table == null || table.isBlank() ? null : table.strip();
    }

    /** The region code a table's name starts with ({@code rules/410800-jiaozuo.txt}), before the table is read. */
    static RegionCode codeOfTable(String table) {
        Matcher m = CODE_IN_NAME.matcher(table);
        return m.find() ? RegionCode.of(m.group(1)) : null;
    }

    @Override
    public Object addingBundle(Bundle bundle, BundleEvent event) {
        String table = tableOf(bundle);
        if (table == null) {
            return null;
        }
        String version = bundle.getVersion().toString();
        try {
            URL entry = bundle.getEntry(table.startsWith("/") ? table : "/" + table);
            if (entry == null) {
                throw new IllegalArgumentException("the jar has no " + table + " (named by its " + HEADER + " header)");
            }
            StandardRegion region = new StandardRegion(StandardRegion.table(entry, table, Vocabulary.standard()));
            BundleContext owner = bundle.getBundleContext();
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(RegionService.CODE, region.metadata().code().value());
            properties.put(RegionService.PARENT, region.metadata().parentCode().map(RegionCode::value).orElse(""));
            properties.put(HEADER, table);
            recovered.accept(bundle.getBundleId());
            return owner.registerService(Region.class, region, properties);
        } catch (RuntimeException e) {
            failed.accept(new RegionBundleWatcher.Failure(bundle.getBundleId(), codeOfTable(table), version,
                    "the table of " + bundle.getSymbolicName() + " is refused: " + e.getMessage()));
            // tracked without a registration, so that the failure is withdrawn when the bundle stops
            return REFUSED;
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Object tracked) {
        if (tracked instanceof ServiceRegistration<?> registration) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first: the framework unregistered it
            }
        }
        recovered.accept(bundle.getBundleId());
    }
}
