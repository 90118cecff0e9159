package org.gongji.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
        "150.00, 55%,  82.50",
        "0.01,   50%,  0.01",    // half a fen rounds up
        "0.01,   49%,  0.00",
        "33.33,  15%,  5.00",    // 4.9995 → 5.00
        "-0.01,  50%,  -0.01",   // a reversal mirrors its settlement
        "98800.00, 85%, 83980.00",
    })
    void aShareRoundsHalfUpToTheFen(String amount, String ratio, String expected) {
        assertThat(Money.parse(amount).times(Ratio.parse(ratio))).isEqualTo(Money.parse(expected));
    }

    @Test
    void moreThanTwoDecimalsIsRefusedNotRounded() {
        assertThatThrownBy(() -> Money.parse("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.parse("1.50")).isEqualTo(Money.parse("1.5")).isEqualTo(Money.ofFen(150));
    }

    @Test
    void writesYuanWithTwoDecimals() {
        assertThat(Money.ofFen(100).toString()).isEqualTo("1.00");
        assertThat(Money.ofFen(-5).toString()).isEqualTo("-0.05");
        assertThat(Money.ofYuan(80000).toString()).isEqualTo("80000.00");
        assertThat(Money.ofFen(-123_456).toString()).isEqualTo("-1234.56");
        assertThat(Money.ofFen(7).toString()).isEqualTo("0.07");
    }

    @Test
    void minusFloorZeroNeverGoesNegative() {
        assertThat(Money.ofYuan(50).minusFloorZero(Money.ofYuan(80))).isEqualTo(Money.ZERO);
        assertThat(Money.ofYuan(80).minusFloorZero(Money.ofYuan(50))).isEqualTo(Money.ofYuan(30));
    }

    @Test
    void ratiosAreExactAndBounded() {
        assertThat(Ratio.parse("12.5%")).isEqualTo(new Ratio(1250));
        assertThat(Ratio.parse("0.55")).isEqualTo(Ratio.ofPercent(55));
        assertThat(Ratio.ofPercent(95).plusBasisPoints(1000)).isEqualTo(Ratio.ONE);
        assertThat(Ratio.ofPercent(55).toFraction().toPlainString()).isEqualTo("0.55");
        assertThat(new Ratio(1250)).hasToString("12.5%");
        assertThat(new Ratio(5)).hasToString("0.05%");
        assertThat(new Ratio(1234)).hasToString("12.34%");
        assertThat(Ratio.ONE).hasToString("100%");
        assertThatThrownBy(() -> Ratio.parse("0.00001")).isInstanceOf(ArithmeticException.class);
    }
}
