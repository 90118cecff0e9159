package org.gongji.api.money;

/**
 * The one rounding rule of the platform: half-up to the fen (四舍五入到分), applied whenever a
 * share of an amount becomes a payable amount. Halves round away from zero so that a reversal
 * (a negative amount) mirrors its settlement exactly.
 */
public final class Rounding {

    private Rounding() {
    }

    /** {@code numerator / denominator} rounded half-up to a whole number; denominator must be positive. */
    public static long halfUp(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        long half = denominator / 2;
        return numerator >= 0
                ? Math.addExact(numerator, half) / denominator
                : -(Math.addExact(-numerator, half) / denominator);
    }
}
