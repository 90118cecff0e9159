package org.gongji.api.spi.payment;

import java.util.Map;
import java.util.Objects;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;

/**
 * 按病种分值付费 (DIP). A case whose cost is above {@code highRatio} × its group's average cost
 * (高倍率病例) or below {@code lowRatio} × that average (低倍率病例) is scored by its cost instead of
 * its group's score. An institution's points are weighted by the coefficient of its level
 * (医疗机构等级系数).
 */
public record DipTerms(PaymentScope scope, Term<Ratio> highRatio, Term<Ratio> lowRatio,
        Map<InstitutionLevel, Term<Ratio>> coefficients) {

    public DipTerms {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(highRatio, "highRatio");
        Objects.requireNonNull(lowRatio, "lowRatio");
        coefficients = Map.copyOf(coefficients);
        if (lowRatio.value().compareTo(highRatio.value()) > 0) {
            throw new IllegalArgumentException("DIP low ratio " + lowRatio.value() + " above high ratio " + highRatio.value());
        }
    }

    /** The coefficient of a level, or {@link ErrorCode#RULES_NOT_IN_FORCE} when the region sets none. */
    public Term<Ratio> coefficient(InstitutionLevel level) {
        Term<Ratio> c = coefficients.get(level);
        if (c == null) {
            throw new GongjiException(ErrorCode.RULES_NOT_IN_FORCE, "no DIP coefficient for level " + level);
        }
        return c;
    }
}
