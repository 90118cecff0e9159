package org.gongji.payment;

import java.util.Objects;
import org.gongji.api.money.Money;

/**
 * A disease group of a DIP catalogue (病种): a diagnosis with a procedure, its score (病种分值) and
 * its average cost (次均费用), against which outlier cases are found and scored.
 *
 * @param procedure the procedure code; empty for conservative treatment (保守治疗), {@code *} for
 *                  any procedure the catalogue does not list for the diagnosis
 * @param score in ten-thousandths of a point, see {@link Points}
 */
public record DipGroup(String code, String diagnosis, String procedure, String name, long score, Money averageCost) {

    public static final String ANY_PROCEDURE = "*";

    public DipGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(diagnosis, "diagnosis");
        procedure = procedure == null ? "" : procedure;
        if (score <= 0) {
            throw new IllegalArgumentException("group " + code + ": score must be positive");
        }
        if (!averageCost.isPositive()) {
            throw new IllegalArgumentException("group " + code + ": average cost must be positive");
        }
    }
}
