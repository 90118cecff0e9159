package org.gongji.store.internal;

import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.region.RegionCode;
import org.gongji.engine.registry.RegionRegistry;

/** Checks against the regions deployed now. */
final class Regions {

    private Regions() {
    }

    /** A person or institution belongs to a region some bundle serves (its own or its province's). */
    static void requireServed(RegionRegistry registry, RegionCode code) {
        if (registry.find(code).or(() -> code.parentProvince().flatMap(registry::find)).isEmpty()) {
            throw new GongjiException(ErrorCode.REGION_NOT_DEPLOYED,
                    "no bundle serves region " + code + (code.isProvince() ? "" : " nor its province " + code.province()));
        }
    }
}
