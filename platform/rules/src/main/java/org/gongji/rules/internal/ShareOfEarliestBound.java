package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * Every number of the target at most a share of the city's own earliest value of it (Shandong:
 * "by the end of 2022 the employer share credited to the account falls to 50 % of its earlier
 * standard"). The earliest row of the city's table stands for the standard before the reform.
 */
public final class ShareOfEarliestBound extends TableBound {

    public ShareOfEarliestBound(ParameterTable province, String key, BoundTarget target) {
        super(province, key, target);
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        List<BoundViolation> violations = new ArrayList<>();
        for (CityValue value : values) {
            Optional<Parameter> earliest = earliest(city, value.parameter());
            if (value.missing() || earliest.isEmpty() || !within(value.value(), earliest.get().value(), (Ratio) limit.value())) {
                violations.add(violation(value.parameter(), value.text() + earliest.map(e -> " (earliest " + e.text()
                        + " from " + e.effectiveFrom() + ")").orElse(""), limit, date));
            }
        }
        return violations;
    }

    private static Optional<Parameter> earliest(ParameterTable city, String key) {
        return city.entries().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    private static boolean within(Object value, Object earliest, Ratio share) {
        if (value instanceof Ratio r && earliest instanceof Ratio e) {
            return (long) r.basisPoints() * Ratio.ONE_BASIS <= (long) e.basisPoints() * share.basisPoints();
        }
        if (value instanceof Money m && earliest instanceof Money e) {
            return !m.greaterThan(e.times(share));
        }
        return false;
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        return "≤ " + limit.text() + " of the city's earliest value";
    }
}
