package org.gongji.engine.conformance;

import java.util.List;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.BoundViolation;

/**
 * Which numbers of a city violate which bound of its province, with the clause of each bound.
 *
 * @param checkedAgainst the province whose bounds were applied; null when not checked
 */
public record ConformanceReport(RegionCode region, RegionCode checkedAgainst, ConformanceStatus status,
        List<BoundViolation> violations) {

    public ConformanceReport {
        violations = List.copyOf(violations);
    }

    public static ConformanceReport notChecked(RegionCode region) {
        return new ConformanceReport(region, null, ConformanceStatus.NOT_CHECKED, List.of());
    }

    public boolean violates() {
        return status == ConformanceStatus.VIOLATES;
    }
}
