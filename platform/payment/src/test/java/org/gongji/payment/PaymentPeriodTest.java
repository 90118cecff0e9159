package org.gongji.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.payment.DipPaymentTest.assertCode;

import java.time.LocalDate;
import org.gongji.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PaymentPeriodTest {

    @Test
    void reads_years_halves_quarters_and_months() {
        assertThat(PaymentPeriod.parse("2023")).isEqualTo(new PaymentPeriod("2023", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)));
        assertThat(PaymentPeriod.parse("2022-H2").from()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(PaymentPeriod.parse("2022-H2").months()).isEqualTo(6);
        assertThat(PaymentPeriod.parse("2024-Q1").to()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PaymentPeriod.parse("2024-02").to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PaymentPeriod.parse("2023").months()).isEqualTo(12);
    }

    @Test
    void refuses_anything_else() {
        for (String bad : new String[] {"", "2023-H3", "2023-Q5", "2023-13", "23", "2023-07-01"}) {
            assertCode(() -> PaymentPeriod.parse(bad), ErrorCode.INVALID_REQUEST);
        }
    }
}
