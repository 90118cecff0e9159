package org.gongji.province.shandong.internal;

import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.osgi.service.component.annotations.Component;

/**
 * Shandong 山东省 (370000): the bounds it sets on its cities and its defaults, over the table
 * {@code rules/370000-shandong.txt}, from 鲁政办发〔2021〕22号.
 */
@Component(service = Region.class)
@RegionService(code = "370000")
public class ShandongRegion extends StandardRegion {

    public static final String TABLE = "/rules/370000-shandong.txt";

    public ShandongRegion() {
        super(table(ShandongRegion.class, TABLE));
    }
}
