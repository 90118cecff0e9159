package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * The city sets the target (Shandong: pharmacies settle external prescriptions under the same
 * outpatient rules, so a city states {@code outpatient.pharmacy.termsLevel}). The row's value is {@code yes}.
 */
public final class RequiredBound extends TableBound {

    public RequiredBound(ParameterTable province, String key, BoundTarget target) {
        super(province, key, target);
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        if (!"yes".equals(limit.text())) {
            return List.of();
        }
        return values.stream().filter(CityValue::missing).map(v -> violation(v, limit, date)).toList();
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        return "set";
    }
}
