package org.gongji.api.institution;

import java.util.Objects;
import org.gongji.api.region.RegionCode;

/**
 * A designated medical institution or retail pharmacy.
 *
 * @param provincial true for a provincial-or-above tertiary hospital (省级和省级以上三级医疗机构)
 */
public record Institution(String id, String name, RegionCode region, InstitutionLevel level, boolean provincial) {

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(level, "level");
    }
}
