package org.gongji.api.visit;

import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;

/**
 * One fee line of a visit.
 *
 * @param preSelfPayRatio for class B, the share the patient pays first (先行自付比例); zero otherwise
 */
public record FeeLine(String code, String name, CatalogueClass catalogueClass, Money amount, Ratio preSelfPayRatio) {

    public FeeLine {
        Objects.requireNonNull(catalogueClass, "catalogueClass");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative fee line amount: " + amount);
        }
        preSelfPayRatio = preSelfPayRatio == null ? Ratio.ZERO : preSelfPayRatio;
        if (preSelfPayRatio.compareTo(Ratio.ONE) > 0) {
            throw new IllegalArgumentException("pre-self-pay ratio above 100%: " + preSelfPayRatio);
        }
    }

    public static FeeLine classA(String code, Money amount) {
        return new FeeLine(code, code, CatalogueClass.A, amount, Ratio.ZERO);
    }

    public static FeeLine classB(String code, Money amount, Ratio preSelfPayRatio) {
        return new FeeLine(code, code, CatalogueClass.B, amount, preSelfPayRatio);
    }

    public static FeeLine classC(String code, Money amount) {
        return new FeeLine(code, code, CatalogueClass.C, amount, Ratio.ZERO);
    }
}
