package org.gongji.api.money;

import java.math.BigDecimal;

/**
 * An exact amount of renminbi in fen (分). Written and read as yuan with two decimals ("12.34").
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    public static Money ofYuan(long yuan) {
        return ofFen(Math.multiplyExact(yuan, 100));
    }

    /**
     * Parses yuan with at most two decimals ("50", "50.5", "50.50").
     *
     * @throws IllegalArgumentException with more than two decimals or not a number
     */
    public static Money parse(String yuan) {
        return of(new BigDecimal(yuan.trim()));
    }

    /** Exact conversion; refuses amounts with more than two decimals instead of rounding them. */
    public static Money of(BigDecimal yuan) {
        BigDecimal normalised = yuan.stripTrailingZeros();
        if (normalised.scale() > 2) {
            throw new IllegalArgumentException("more than two decimals: " + yuan.toPlainString());
        }
        return ofFen(normalised.movePointRight(2).longValueExact());
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return ofFen(-fen);
    }

    /** This amount's share at {@code ratio}, rounded by {@link Rounding#halfUp}. */
    public Money times(Ratio ratio) {
        return ofFen(Rounding.halfUp(Math.multiplyExact(fen, ratio.basisPoints()), Ratio.ONE_BASIS));
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    /** This amount less {@code other}, but never below zero. */
    public Money minusFloorZero(Money other) {
        return fen > other.fen ? ofFen(fen - other.fen) : ZERO;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean greaterThan(Money other) {
        return fen > other.fen;
    }

    public BigDecimal toYuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** Yuan with exactly two decimals, e.g. "-0.05", "80000.00" (no BigDecimal: traces print many amounts). */
    @Override
    public String toString() {
        long abs = Math.abs(fen);
        long cents = abs % 100;
        return (fen < 0 ? "-" : "") + (abs / 100) + (cents < 10 ? ".0" : ".") + cents;
    }
}
