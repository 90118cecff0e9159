package org.gongji.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceReport;

/**
 * Prints the filing report (备案) of a region jar before release: for a city, every number
 * against its province's bounds on every date either changes (which number, which bound, which
 * clause) and the assumptions still to confirm; for a province, its bounds and, when it serves
 * defaults, whether they sit inside them.
 * <pre>
 * java -cp ... org.gongji.testkit.FilingReport &lt;classes folder or bundle jar of the region&gt;
 * mvn -B -q -pl city-plugins/jinan -am -Pfiling-report process-test-classes
 * </pre>
 * The province is found on the class path (a region bundle has it as a test dependency). A
 * violation ends with an exception, so a Maven build that prints the report also fails on it.
 */
public final class FilingReport {

    private FilingReport() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: FilingReport <classes folder or bundle jar of the region>");
        }
        Path location = Path.of(args[0]);
        if (!java.nio.file.Files.exists(location)) {
            // an aggregator module (packaging pom) in the reactor: it has no classes and no region
            return;
        }
        List<String> violations = run(location, Thread.currentThread().getContextClassLoader(), System.out);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the filing check failed: " + String.join("; ", violations));
        }
    }

    /** Prints the report of every region in the location; returns the regions that violate their province's bounds. */
    static List<String> run(Path location, ClassLoader loader, java.io.PrintStream out) {
        List<Region> underTest = RegionDiscovery.regionsIn(location, loader);
        if (underTest.isEmpty()) {
            throw new IllegalArgumentException("no region in " + location
                    + " (a manifest with Gongji-Region naming its table, or OSGI-INF/*.xml providing Region)");
        }
        Map<RegionCode, Region> known = new LinkedHashMap<>();
        underTest.forEach(r -> known.putIfAbsent(r.metadata().code(), r));
        for (Path p : RegionDiscovery.classPath(loader)) {
            for (Region r : RegionDiscovery.regionsIn(p, loader)) {
                known.putIfAbsent(r.metadata().code(), r);
            }
        }
        List<String> failed = new ArrayList<>();
        for (Region region : underTest) {
            out.println(report(region, known, failed));
            out.println();
        }
        return failed;
    }

    private static String report(Region region, Map<RegionCode, Region> known, List<String> failed) {
        RegionCode code = region.metadata().code();
        if (code.isProvince()) {
            StringBuilder text = new StringBuilder("Province " + code + " " + region.metadata().name() + ": "
                    + region.bounds().size() + " bounds on its cities");
            for (Bound b : region.bounds()) {
                text.append(System.lineSeparator()).append("  - ").append(b.id()).append(": ").append(b.description())
                        .append(" [").append(b.citation()).append("]");
            }
            if (region.outpatientPooling().isPresent() && !region.bounds().isEmpty()) {
                ConformanceReport self = RegionConformance.check(region, region);
                text.append(System.lineSeparator()).append(System.lineSeparator())
                        .append(ConformanceText.of(region, region, self));
                if (self.violates()) {
                    failed.add(code + " defaults: " + ConformanceText.violations(self));
                }
            }
            return text.toString();
        }
        RegionCode parent = region.metadata().parentCode().orElse(code.province());
        Optional<Region> province = Optional.ofNullable(known.get(parent));
        if (province.isEmpty()) {
            return "Filing report: " + code + " " + region.metadata().name() + ": NOT_CHECKED, the province " + parent
                    + " is not on the class path (add its bundle as a test dependency)";
        }
        ConformanceReport report = RegionConformance.check(region, province.get());
        if (report.violates()) {
            failed.add(code + ": " + ConformanceText.violations(report));
        }
        return ConformanceText.of(region, province.get(), report);
    }
}
