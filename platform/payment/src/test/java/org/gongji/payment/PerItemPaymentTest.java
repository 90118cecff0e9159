package org.gongji.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.payment.Fixtures.P1;
import static org.gongji.payment.Fixtures.S1;
import static org.gongji.payment.Fixtures.T1;
import static org.gongji.payment.Fixtures.settlement;
import static org.gongji.payment.Fixtures.yuan;

import java.util.List;
import org.gongji.api.money.Ratio;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.engine.TraceEntry;
import org.junit.jupiter.api.Test;

/** The test region pays XN01 and XN02 separately; day surgery is DIP, primary general outpatient per capita. */
class PerItemPaymentTest {

    private static final PaymentPeriod MARCH = PaymentPeriod.parse("2023-03");

    private final List<BookedSettlement> settlements = List.of(
            // in-scope 1000.00 of which XN01 600.00: 3/5 of the fund's 500.00 is paid separately
            settlement("s1", T1, "2023-03-01", MedicalType.GENERAL_OUTPATIENT, "500.00",
                    FeeLine.classA("XN01", yuan("600.00")), FeeLine.classA("D001", yuan("400.00"))),
            // XN02 class B 100.00 with 10 % pre-self-pay is 90.00 in scope of 300.00: 3/10 of 150.00
            settlement("s2", T1, "2023-03-02", MedicalType.CHRONIC_OUTPATIENT, "150.00",
                    FeeLine.classB("XN02", yuan("100.00"), Ratio.ofPercent(10)), FeeLine.classC("C01", yuan("50.00")),
                    FeeLine.classA("D002", yuan("210.00"))),
            Fixtures.reversed(settlement("s3", T1, "2023-03-03", MedicalType.GENERAL_OUTPATIENT, "999.00")),
            settlement("s4", T1, "2023-03-04", MedicalType.DAY_SURGERY, "888.00"),
            settlement("s5", P1, "2023-03-05", MedicalType.GENERAL_OUTPATIENT, "777.00"),
            settlement("s6", S1, "2023-03-06", MedicalType.INPATIENT, "1234.56"),
            settlement("s7", S1, "2023-04-01", MedicalType.INPATIENT, "666.00"),
            // 1/3 of 1.00 paid separately: 0.333… half-up to 0.33
            settlement("s8", S1, "2023-03-31", MedicalType.GENERAL_OUTPATIENT, "1.00",
                    FeeLine.classA("XN01", yuan("1.00")), FeeLine.classA("D003", yuan("2.00"))),
            settlement("s9", P1, "2023-03-09", MedicalType.INPATIENT, "10.00"));

    private final PaymentRun run = new PerItemPayment().run(Fixtures.region(), MARCH, settlements);

    @Test
    void pays_the_fund_share_less_the_separately_paid_drugs() {
        assertThat(run.institution("T1").amount()).isEqualTo(yuan("305.00"));   // 200.00 + 105.00
        assertThat(run.institution("S1").amount()).isEqualTo(yuan("1235.23"));  // 1234.56 + 0.67
        assertThat(run.institution("P1").amount()).isEqualTo(yuan("10.00"));    // inpatient is per item even at primary
        assertThat(run.total()).isEqualTo(yuan("1550.23"));
    }

    @Test
    void reversed_settlements_and_other_methods_scopes_are_excluded() {
        assertThat(DipPaymentTest.step(run.trace(), "reversed settlements excluded: 1").amount()).isEqualTo(yuan("999.00"));
        assertThat(run.trace()).extracting(TraceEntry::step).contains("settlements paid by another method: 2");
        TraceEntry t1 = DipPaymentTest.step(run.institution("T1").trace(), "less lines paid separately");
        assertThat(t1.amount()).isEqualTo(yuan("345.00"));
        assertThat(t1.citation().toString()).isEqualTo("TEST 四");
    }

    @Test
    void a_drug_settled_under_its_own_terms_is_left_out_to_the_fen_not_in_proportion() {
        // fund 900.00, of which 700.00 for XN01 under its own terms (70% of 1000.00): a share in proportion would be 450.00
        BookedSettlement s = new BookedSettlement("d1", T1, java.time.LocalDate.of(2023, 3, 10), MedicalType.GENERAL_OUTPATIENT,
                yuan("900.00"), List.of(FeeLine.classA("XN01", yuan("1000.00")), FeeLine.classA("D001", yuan("1000.00"))),
                false, yuan("700.00"));
        PaymentRun one = new PerItemPayment().run(Fixtures.region(), MARCH, List.of(s));
        assertThat(one.institution("T1").amount()).isEqualTo(yuan("200.00"));
    }
}
