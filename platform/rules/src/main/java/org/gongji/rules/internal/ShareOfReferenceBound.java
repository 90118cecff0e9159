package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * Every amount of the target at most a share of a reference amount of the province (Shandong: the
 * deductible ≤ 2 % of the provincial average wage), or, with a tolerance row, about that share
 * (Shandong: the annual cap about 5 % of it, within ± the tolerance in percentage points of the reference).
 */
public final class ShareOfReferenceBound extends TableBound {

    private final String referenceKey;
    private final String toleranceKey;

    /**
     * @param referenceKey the province's reference amount, e.g. {@code reference.averageWage}
     * @param toleranceKey the row with the tolerance of an "about" bound; null for "at most"
     */
    public ShareOfReferenceBound(ParameterTable province, String key, BoundTarget target, String referenceKey,
            String toleranceKey) {
        super(province, key, target);
        this.referenceKey = referenceKey;
        this.toleranceKey = toleranceKey;
        requireRow(province, referenceKey);
        if (toleranceKey != null) {
            requireRow(province, toleranceKey);
        }
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        Money reference = (Money) provinceValue(referenceKey, date).value();
        Ratio share = (Ratio) limit.value();
        Money high = reference.times(share.plusBasisPoints(tolerancePoints(date)));
        Money low = reference.times(share.plusBasisPoints(-tolerancePoints(date)));
        List<BoundViolation> violations = new ArrayList<>();
        for (CityValue value : values) {
            boolean inside = value.value() instanceof Money amount && !amount.greaterThan(high)
                    && (toleranceKey == null || !low.greaterThan(amount));
            if (!inside) {
                violations.add(violation(value, limit, date));
            }
        }
        return violations;
    }

    private int tolerancePoints(LocalDate date) {
        return toleranceKey == null ? 0 : ((Ratio) provinceValue(toleranceKey, date).value()).basisPoints();
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        Parameter reference = provinceValue(referenceKey, date);
        Money amount = (Money) reference.value();
        Ratio share = (Ratio) limit.value();
        String of = " × " + referenceKey + " " + reference.text() + (reference.assumption() ? " (assumed)" : "");
        if (toleranceKey == null) {
            return "≤ " + share + of + " = " + amount.times(share);
        }
        int tolerance = tolerancePoints(date);
        return "about " + share + of + ": " + amount.times(share.plusBasisPoints(-tolerance)) + " .. "
                + amount.times(share.plusBasisPoints(tolerance));
    }
}
