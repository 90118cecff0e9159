package org.gongji.province.gansu.internal;

import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.osgi.service.component.annotations.Component;

/**
 * Gansu 甘肃省 (620000): the bounds it sets on its cities and its defaults, over the table
 * {@code rules/620000-gansu.txt}, from 甘政办发〔2021〕111号.
 */
@Component(service = Region.class)
@RegionService(code = "620000")
public class GansuRegion extends StandardRegion {

    public static final String TABLE = "/rules/620000-gansu.txt";

    public GansuRegion() {
        super(table(GansuRegion.class, TABLE));
    }
}
