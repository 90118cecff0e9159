package org.gongji.api.money;

import java.math.BigDecimal;

/**
 * An exact ratio in basis points (1 % = 100 bp). Pay ratios, pre-self-pay ratios, shares.
 * Written as a percentage ("55%", "12.5%") in region data and as a decimal (0.55) in the API.
 */
public record Ratio(int basisPoints) implements Comparable<Ratio> {

    public static final int ONE_BASIS = 10_000;
    public static final Ratio ZERO = new Ratio(0);
    public static final Ratio ONE = new Ratio(ONE_BASIS);

    public Ratio {
        if (basisPoints < 0) {
            throw new IllegalArgumentException("negative ratio: " + basisPoints + " bp");
        }
    }

    public static Ratio ofPercent(int percent) {
        return new Ratio(percent * 100);
    }

    /** Percentage points as a signed adjustment ("+10 points") is kept as {@link #points}. */
    public static int points(int percentagePoints) {
        return percentagePoints * 100;
    }

    /** Parses "55%", "12.5%" or a decimal fraction "0.55". */
    public static Ratio parse(String text) {
        String t = text.trim();
        BigDecimal fraction = t.endsWith("%")
                ? new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2)
                : new BigDecimal(t);
        return ofFraction(fraction);
    }

    /** Exact: refuses a fraction finer than one basis point. */
    public static Ratio ofFraction(BigDecimal fraction) {
        return new Ratio(fraction.movePointRight(4).stripTrailingZeros().intValueExact());
    }

    /** Adds signed basis points, kept within 0..100 %. */
    public Ratio plusBasisPoints(int delta) {
        return new Ratio(Math.max(0, Math.min(ONE_BASIS, basisPoints + delta)));
    }

    public Ratio complement() {
        return new Ratio(ONE_BASIS - Math.min(ONE_BASIS, basisPoints));
    }

    public BigDecimal toFraction() {
        return BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros();
    }

    @Override
    public int compareTo(Ratio other) {
        return Integer.compare(basisPoints, other.basisPoints);
    }

    /** "55%", "12.5%", "0.05%". */
    @Override
    public String toString() {
        int whole = basisPoints / 100;
        int hundredths = basisPoints % 100;
        if (hundredths == 0) {
            return whole + "%";
        }
        return whole + (hundredths % 10 == 0 ? "." + hundredths / 10 : hundredths < 10 ? ".0" + hundredths : "." + hundredths) + "%";
    }
}
