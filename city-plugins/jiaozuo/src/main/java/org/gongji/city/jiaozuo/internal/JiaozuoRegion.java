package org.gongji.city.jiaozuo.internal;

import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.osgi.service.component.annotations.Component;

/**
 * 焦作市 (410800): the standard rules over the table {@code rules/410800-jiaozuo.txt}, from 焦政办〔2022〕22号.
 */
@Component(service = Region.class)
@RegionService(code = "410800", parent = "410000")
public class JiaozuoRegion extends StandardRegion {

    public static final String TABLE = "/rules/410800-jiaozuo.txt";

    public JiaozuoRegion() {
        super(table(JiaozuoRegion.class, TABLE));
    }
}
