package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * The target's numbers are not the same at every level (Gansu: 对不同级别医疗机构设置差别化支付比例;
 * Shandong: 不同级别的医疗机构设置差异化的起付标准). The row's value is {@code yes}; the document sets no size.
 */
public final class LevelsDifferBound extends TableBound {

    public LevelsDifferBound(ParameterTable province, String key, BoundTarget target) {
        super(province, key, target);
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        if (!"yes".equals(limit.text())) {
            return List.of();
        }
        for (CityValue value : values) {
            if (value.missing()) {
                return List.of(violation(value, limit, date));
            }
        }
        boolean allSame = values.stream().map(CityValue::value).distinct().count() == 1;
        if (!allSame) {
            return List.of();
        }
        String actual = "all " + values.get(0).text();
        return List.of(violation(target().display(), actual, limit, date));
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        return "different by institution level";
    }
}
