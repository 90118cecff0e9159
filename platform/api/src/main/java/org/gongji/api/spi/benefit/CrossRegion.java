package org.gongji.api.spi.benefit;

import org.gongji.api.region.RegionCode;

/**
 * Where a visit was, seen from the person's insured region (参保地), 异地就医 (鲁政办发〔2021〕22号 二(七)).
 * The visit settles under the insured region's rules either way.
 */
public enum CrossRegion {
    /** 省内异地就医: an institution in another city of the insured region's province. */
    PROVINCE,
    /** 跨省异地就医: an institution in another province. */
    NATIONAL;

    /** Where an institution of {@code at} is for a person insured in {@code insured}; null in the insured city itself. */
    public static CrossRegion of(RegionCode insured, RegionCode at) {
        if (insured.equals(at)) {
            return null;
        }
        if (insured.province().equals(at.province())) {
            // a province code is the province's own pooling region: its cities are "another city" to it and back
            return PROVINCE;
        }
        return NATIONAL;
    }
}
