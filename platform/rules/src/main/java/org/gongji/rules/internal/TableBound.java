package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongji.api.region.Citation;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.BoundViolation;

/**
 * A bound whose limit is a row of the province's parameter table ({@code bound.<target>.<kind>}):
 * the limit, its citation and its period are data. On a date where the row is not in force the
 * bound does not apply.
 */
public abstract class TableBound implements Bound {

    private final ParameterTable province;
    private final String key;
    private final BoundTarget target;

    protected TableBound(ParameterTable province, String key, BoundTarget target) {
        this.province = province;
        this.key = key;
        this.target = target;
        if (!province.has(key)) {
            throw new IllegalArgumentException("no row " + key + " in " + province.source());
        }
    }

    @Override
    public String id() {
        return key;
    }

    public BoundTarget target() {
        return target;
    }

    @Override
    public String description() {
        Parameter latest = latest();
        String note = latest.note().isEmpty() ? "" : " (" + latest.note() + ")";
        return target.display() + " " + expectation(latest, latest.effectiveFrom()) + note;
    }

    @Override
    public Citation citation() {
        return latest().citation();
    }

    @Override
    public List<BoundViolation> check(ParameterTable city, LocalDate date) {
        Optional<Parameter> limit = province.find(key, date);
        if (limit.isEmpty()) {
            return List.of();
        }
        return violations(limit.get(), target.valuesOn(city, date), city, date);
    }

    /** The city's numbers that break the limit on the date. */
    protected abstract List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date);

    /** The bound as a bureau reads it, e.g. "≤ 300.00". */
    protected abstract String expectation(Parameter limit, LocalDate date);

    protected BoundViolation violation(CityValue value, Parameter limit, LocalDate date) {
        return violation(value.parameter(), value.text(), limit, date);
    }

    protected BoundViolation violation(String parameter, String actual, Parameter limit, LocalDate date) {
        return new BoundViolation(key, parameter, actual, expectation(limit, date), limit.citation(), date);
    }

    /** A bound that reads another row (its tolerance, the reference wage) fails at construction without it, not during a filing check. */
    protected static void requireRow(ParameterTable province, String key) {
        if (!province.has(key)) {
            throw new IllegalArgumentException(province.source() + ": a bound needs the row " + key);
        }
    }

    /** Another row of the province table this bound reads, e.g. its tolerance or the reference wage. */
    protected Parameter provinceValue(String otherKey, LocalDate date) {
        return province.require(otherKey, date);
    }

    private Parameter latest() {
        List<Parameter> rows = province.entries().stream().filter(p -> p.key().equals(key)).toList();
        return rows.get(rows.size() - 1);
    }
}
