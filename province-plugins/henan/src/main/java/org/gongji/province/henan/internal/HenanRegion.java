package org.gongji.province.henan.internal;

import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.osgi.service.component.annotations.Component;

/**
 * Henan 河南省 (410000): the bounds it sets on its cities and its defaults, over the table
 * {@code rules/410000-henan.txt}, from the national framework 国办发〔2021〕14号 (Henan's own document is not available).
 */
@Component(service = Region.class)
@RegionService(code = "410000")
public class HenanRegion extends StandardRegion {

    public static final String TABLE = "/rules/410000-henan.txt";

    public HenanRegion() {
        super(table(HenanRegion.class, TABLE));
    }
}
