package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.money.Ratio;
import org.gongji.api.money.Rounding;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * The mean of the target's ratios about the limit, within ± a tolerance in percentage points
 * (Gansu: employed about 60 %, retired about 65 %, different by level). The tolerance is its own
 * row ({@code <key>.tolerance}), so that the reading of "about" (左右) is data a bureau can see.
 */
public final class AboutBound extends TableBound {

    private final String toleranceKey;

    public AboutBound(ParameterTable province, String key, BoundTarget target) {
        super(province, key, target);
        this.toleranceKey = key + ".tolerance";
        requireRow(province, toleranceKey);
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        long sum = 0;
        for (CityValue value : values) {
            if (!(value.value() instanceof Ratio ratio)) {
                return List.of(violation(value, limit, date));
            }
            sum += ratio.basisPoints();
        }
        Ratio mean = new Ratio((int) Rounding.halfUp(sum, values.size()));
        int tolerance = tolerance(date);
        int target = ((Ratio) limit.value()).basisPoints();
        if (Math.abs(mean.basisPoints() - target) <= tolerance) {
            return List.of();
        }
        String parameter = values.size() == 1 ? values.get(0).parameter() : "mean of " + target().display();
        return List.of(violation(parameter, mean.toString(), limit, date));
    }

    private int tolerance(LocalDate date) {
        return ((Ratio) provinceValue(toleranceKey, date).value()).basisPoints();
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        Ratio target = (Ratio) limit.value();
        int tolerance = tolerance(date);
        return "about " + target + " (" + target.plusBasisPoints(-tolerance) + " .. " + target.plusBasisPoints(tolerance) + ")";
    }
}
