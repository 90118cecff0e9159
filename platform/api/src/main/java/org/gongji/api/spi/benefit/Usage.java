package org.gongji.api.spi.benefit;

import org.gongji.api.money.Money;

/**
 * What one benefit has used in a year.
 *
 * @param deductiblePaid the deductible the person has paid so far (起付标准累计)
 * @param poolPaid what the pooled fund has paid under this benefit
 * @param visits visits (or admissions, for inpatient) settled
 */
public record Usage(Money deductiblePaid, Money poolPaid, int visits) {

    public static final Usage NONE = new Usage(Money.ZERO, Money.ZERO, 0);

    public Usage plus(Usage other) {
        return new Usage(deductiblePaid.plus(other.deductiblePaid), poolPaid.plus(other.poolPaid), visits + other.visits);
    }

    public Usage minus(Usage other) {
        return new Usage(deductiblePaid.minus(other.deductiblePaid), poolPaid.minus(other.poolPaid), visits - other.visits);
    }
}
