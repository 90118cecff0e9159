package org.gongji.engine.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;

/**
 * The regions deployed now. A city without its own region falls back to its province's.
 */
public interface RegionRegistry {

    /** The region deployed under exactly this code. */
    Optional<Region> find(RegionCode code);

    /** Every region serving now. */
    Collection<Region> all();

    /** Every deployed region bundle with its status and conformance (serving, standby, refused, failed). */
    List<RegionDeployment> deployments();

    /**
     * The rules that settle for a region on a date: the region's own, or its province's when the
     * city has no bundle of its own.
     *
     * @throws GongjiException {@code REGION_UNAVAILABLE} when the region is deployed but does not serve
     *         now (a city waiting for its province, a version that failed or was refused with none
     *         before it): retry later; {@code REGION_NOT_DEPLOYED} when neither is deployed,
     *         {@code RULES_NOT_IN_FORCE} when the rules found start after the date
     */
    default Region rulesFor(RegionCode code, LocalDate date) {
        Region region = find(code).or(() -> code.parentProvince().flatMap(this::find).filter(RegionRegistry::servesCities))
                .orElseThrow(() -> notServing(code));
        if (date.isBefore(region.metadata().effectiveFrom())) {
            throw new GongjiException(ErrorCode.RULES_NOT_IN_FORCE, "the rules of " + region.metadata().code()
                    + " are in force from " + region.metadata().effectiveFrom() + ", not on " + date);
        }
        return region;
    }

    private GongjiException notServing(RegionCode code) {
        Optional<RegionDeployment> deployed = deployments().stream().filter(d -> code.equals(d.code())).findFirst();
        if (deployed.isPresent()) {
            RegionDeployment d = deployed.get();
            return new GongjiException(ErrorCode.REGION_UNAVAILABLE, "region " + code + " is deployed but does not serve now ("
                    + d.status() + (d.problem() == null ? "" : ": " + d.problem()) + "); retry later");
        }
        return new GongjiException(ErrorCode.REGION_NOT_DEPLOYED,
                "no bundle serves region " + code + (code.isProvince() ? "" : " nor does its province " + code.province()));
    }

    /** A province serves cities without a bundle only where it gives benefits of its own, not bounds alone. */
    static boolean servesCities(Region province) {
        return province.outpatientPooling().isPresent() || province.inpatientCoverage().isPresent()
                || province.chronicDiseaseCoverage().isPresent() || province.accountCrediting().isPresent();
    }
}
