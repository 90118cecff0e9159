package org.gongji.payment;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Shares an amount in fen out by weights so that the shares add up to the amount exactly
 * (largest-remainder method, 最大余数法): each share is first its exact value rounded down to the
 * fen; the fen still left over go one each to the shares with the largest remainders, ties to the
 * earlier share. Every share is therefore its exact value rounded down or up, never further off
 * than one fen. This is an allocation of a fixed total, not a second rounding rule.
 */
final class Apportionment {

    private Apportionment() {
    }

    static long[] largestRemainder(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("negative total");
        }
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("weights add up to zero");
        }
        long[] shares = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        BigInteger t = BigInteger.valueOf(total);
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = t.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        long left = total - given;
        Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            shares[order[k]]++;
        }
        return shares;
    }
}
