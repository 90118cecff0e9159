package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * Every number of the target at most, at least, or exactly the limit (Gansu: deductible ≤ 300;
 * Shandong: employed ratio ≥ 50 %; Shandong: deductible cumulated over the year, i.e. mode is ANNUAL).
 * A number the city does not set violates the bound: a filing states every number its province bounds.
 */
public final class LimitBound extends TableBound {

    /** How the city's number must compare with the limit. */
    public enum Kind {
        AT_MOST("≤ "), AT_LEAST("≥ "), EXACTLY("= ");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }
    }

    private final Kind kind;

    public LimitBound(ParameterTable province, String key, BoundTarget target, Kind kind) {
        super(province, key, target);
        this.kind = kind;
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        List<BoundViolation> violations = new ArrayList<>();
        for (CityValue value : values) {
            if (!holds(value, limit)) {
                violations.add(violation(value, limit, date));
            }
        }
        return violations;
    }

    private boolean holds(CityValue value, Parameter limit) {
        if (value.missing()) {
            return false;
        }
        OptionalInt compared = Comparison.compare(value.value(), limit.value());
        if (compared.isEmpty()) {
            return false;
        }
        int c = compared.getAsInt();
        return switch (kind) {
            case AT_MOST -> c <= 0;
            case AT_LEAST -> c >= 0;
            case EXACTLY -> c == 0;
        };
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        return kind.symbol + limit.text();
    }
}
