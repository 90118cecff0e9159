package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * The ratios by level favour primary care by at least the limit: primary ≥ secondary ≥ tertiary and
 * primary − tertiary ≥ the limit in percentage points (Shandong: 向基层医疗机构倾斜, 支付比例差异不低于10个百分点).
 * The target lists its levels from tertiary to primary.
 */
public final class LevelSpreadBound extends TableBound {

    public LevelSpreadBound(ParameterTable province, String key, BoundTarget target) {
        super(province, key, target);
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        for (CityValue value : values) {
            if (!(value.value() instanceof Ratio)) {
                return List.of(violation(value, limit, date));
            }
        }
        for (int i = 1; i < values.size(); i++) {
            Ratio lower = (Ratio) values.get(i - 1).value();
            Ratio higher = (Ratio) values.get(i).value();
            if (higher.compareTo(lower) < 0) {
                return List.of(violation(values.get(i).parameter() + " < " + values.get(i - 1).parameter(),
                        higher + " < " + lower, limit, date));
            }
        }
        CityValue tertiary = values.get(0);
        CityValue primary = values.get(values.size() - 1);
        int spread = ((Ratio) primary.value()).basisPoints() - ((Ratio) tertiary.value()).basisPoints();
        if (spread >= ((Ratio) limit.value()).basisPoints()) {
            return List.of();
        }
        return List.of(violation(primary.parameter() + " − " + tertiary.parameter(),
                primary.text() + " − " + tertiary.text() + " = " + new Ratio(Math.max(0, spread)) + " points", limit, date));
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        String points = limit.text().endsWith("%") ? limit.text().substring(0, limit.text().length() - 1) : limit.text();
        return "favour primary care, primary − tertiary ≥ " + points + " points";
    }
}
