package org.gongji.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void the_fen_left_over_go_to_the_largest_remainders() {
        // 100 × 1/6 = 16.67, × 2/6 = 33.33, × 3/6 = 50: floors 16, 33, 50 leave 1 fen for the first (.67)
        assertThat(Apportionment.largestRemainder(100, new long[] {1, 2, 3})).containsExactly(17, 33, 50);
    }

    @Test
    void equal_remainders_go_to_the_earlier_share() {
        assertThat(Apportionment.largestRemainder(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(Apportionment.largestRemainder(2, new long[] {5, 5, 5})).containsExactly(1, 1, 0);
    }

    @Test
    void shares_always_add_up_to_the_total() {
        long[] weights = {7, 13, 0, 1_000_000_007L, 3};
        for (long total = 0; total < 2000; total += 37) {
            long sum = 0;
            for (long s : Apportionment.largestRemainder(total, weights)) {
                sum += s;
            }
            assertThat(sum).isEqualTo(total);
        }
    }
}
