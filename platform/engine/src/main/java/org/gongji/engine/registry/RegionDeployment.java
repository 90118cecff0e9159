package org.gongji.engine.registry;

import java.util.List;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceReport;

/**
 * One deployed region bundle as operators see it: what it is, whether it serves, and why not.
 *
 * @param region the region's rules; empty when the bundle failed before providing them
 * @param bundleVersion the bundle's version ("" outside OSGi)
 * @param provides the benefits the region provides (e.g. "outpatientPooling", "inpatient", "account")
 * @param problem why the bundle does not serve; null when it serves
 */
public record RegionDeployment(RegionCode code, Optional<Region> region, String bundleVersion, DeploymentStatus status,
        ConformanceReport conformance, List<String> provides, String problem) {

    public RegionDeployment {
        provides = List.copyOf(provides);
    }

    public static List<String> providedBy(Region region) {
        List<String> provides = new java.util.ArrayList<>();
        region.outpatientPooling().ifPresent(x -> provides.add("outpatientPooling"));
        region.chronicDiseaseCoverage().ifPresent(x -> provides.add("chronicDiseaseCoverage"));
        region.inpatientCoverage().ifPresent(x -> provides.add("inpatientCoverage"));
        region.accountCrediting().ifPresent(x -> provides.add("accountCrediting"));
        region.providerPayment().ifPresent(x -> provides.add("providerPayment"));
        region.criticalIllnessCoverage().ifPresent(x -> provides.add("criticalIllnessCoverage"));
        if (!region.bounds().isEmpty()) {
            provides.add("bounds");
        }
        return provides;
    }
}
