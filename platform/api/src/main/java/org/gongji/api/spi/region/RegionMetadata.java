package org.gongji.api.spi.region;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gongji.api.region.Citation;
import org.gongji.api.region.RegionCode;

/**
 * Who a region is and from when its rules hold.
 *
 * @param parent the province of a city; null for a province
 * @param effectiveFrom the first date the region's rules settle; earlier dates are refused
 * @param basis the document the region's rules implement
 */
public record RegionMetadata(RegionCode code, String name, RegionCode parent, LocalDate effectiveFrom, Citation basis) {

    public RegionMetadata {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }

    public Optional<RegionCode> parentCode() {
        return Optional.ofNullable(parent);
    }
}
