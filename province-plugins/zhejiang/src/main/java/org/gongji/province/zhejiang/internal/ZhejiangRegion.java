package org.gongji.province.zhejiang.internal;

import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.osgi.service.component.annotations.Component;

/**
 * Zhejiang 浙江省 (330000): the bounds it sets on its cities and its defaults, over the table
 * {@code rules/330000-zhejiang.txt}, from 浙江省人民政府办公厅 2022-03-15 实施意见.
 */
@Component(service = Region.class)
@RegionService(code = "330000")
public class ZhejiangRegion extends StandardRegion {

    public static final String TABLE = "/rules/330000-zhejiang.txt";

    public ZhejiangRegion() {
        super(table(ZhejiangRegion.class, TABLE));
    }
}
