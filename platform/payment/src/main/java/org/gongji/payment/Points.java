package org.gongji.payment;

import java.math.BigDecimal;

/**
 * DIP points are kept exactly in ten-thousandths of a point (分值 to four decimals); points weighted
 * by an institution coefficient (basis points) in units of 10⁻⁸ point.
 */
public final class Points {

    public static final int SCALE = 4;
    static final int WEIGHTED_SCALE = 8;

    private Points() {
    }

    /** "123.4567" → 1234567; refuses more than four decimals and negative scores. */
    public static long parse(String text) {
        BigDecimal value = new BigDecimal(text.strip());
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative score: " + text);
        }
        return value.setScale(SCALE, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    public static String display(long units) {
        return BigDecimal.valueOf(units, SCALE).toPlainString();
    }

    static String displayWeighted(long units) {
        return BigDecimal.valueOf(units, WEIGHTED_SCALE).stripTrailingZeros().toPlainString();
    }
}
