package org.gongji.city.jinan.internal;

import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.osgi.service.component.annotations.Component;

/**
 * 济南市 (370100) under 山东省: the standard rules over the table {@code rules/370100-jinan.txt},
 * from the city's 2021 reform opinion and 鲁政办发〔2021〕22号; most numbers are assumptions the bureau confirms.
 */
@Component(service = Region.class)
@RegionService(code = "370100", parent = "370000")
public class JinanRegion extends StandardRegion {

    public static final String TABLE = "/rules/370100-jinan.txt";

    public JinanRegion() {
        super(table(JinanRegion.class, TABLE));
    }
}
