package org.gongji.city.__NAME__.internal;

import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.osgi.service.component.annotations.Component;

/**
 * __TITLE__ (__CODE__): the standard rules over the table {@code rules/__CODE__-__NAME__.txt}.
 */
@Component(service = Region.class)
@RegionService(code = "__CODE__", parent = "__PARENT__")
public class __CLASS__Region extends StandardRegion {

    public static final String TABLE = "/rules/__CODE__-__NAME__.txt";

    public __CLASS__Region() {
        super(table(__CLASS__Region.class, TABLE));
    }
}
