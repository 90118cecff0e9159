package org.gongji.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.payment.Fixtures.P1;
import static org.gongji.payment.Fixtures.P2;
import static org.gongji.payment.Fixtures.T1;
import static org.gongji.payment.Fixtures.settlement;
import static org.gongji.payment.Fixtures.yuan;

import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.engine.TraceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Test region: 10.00 per signed person per month at primary institutions; surplus kept 50 % up to
 * 10 % of the budget; overspend borne 60 % by the fund up to 20 % of the budget. 100 persons over
 * 2023-Q1 (3 months) make a budget of 3000.00: surplus ceiling 300.00, overspend ceiling 600.00.
 */
class PerCapitaPaymentTest {

    private static final PaymentPeriod Q1 = PaymentPeriod.parse("2023-Q1");

    private final PerCapitaPayment method = new PerCapitaPayment();

    private PaymentRun runWithSpent(String spent) {
        return method.run(Fixtures.region(), Q1, List.of(new Headcount(P1, 100)),
                List.of(settlement("s1", P1, "2023-02-10", MedicalType.GENERAL_OUTPATIENT, spent)));
    }

    @ParameterizedTest(name = "spent {0} of a 3000.00 budget: paid {1}")
    @CsvSource({
            "2800.00, 2900.00",   // surplus 200 within the ceiling: keeps 50 % = 100
            "2700.00, 2850.00",   // surplus exactly at the 300 ceiling: keeps 150
            "2000.00, 2150.00",   // surplus 1000, counted only to 300: keeps 150
            "0.00, 150.00",       // nothing spent: still only the ceiling's share
            "2999.97, 2999.99",   // surplus 0.03 × 50 % = 0.015, half-up to 0.02
            "3000.00, 3000.00",   // on budget
            "3300.00, 3180.00",   // overspend 300 within the ceiling: the fund bears 60 % = 180
            "3600.00, 3360.00",   // overspend exactly at the 600 ceiling: the fund bears 360
            "4000.00, 3360.00",   // overspend 1000, reasonable only to 600: the fund still bears 360
    })
    void pays_spent_plus_retained_surplus_or_budget_plus_shared_overspend(String spent, String paid) {
        PaymentRun run = runWithSpent(spent);
        assertThat(run.institution("P1").amount()).isEqualTo(yuan(paid));
        assertThat(run.total()).isEqualTo(yuan(paid));
    }

    @Test
    void the_trace_shows_budget_surplus_and_the_clauses_that_set_them() {
        List<TraceEntry> trace = runWithSpent("2000.00").institution("P1").trace();
        assertThat(trace).extracting(TraceEntry::step).contains("budget", "surplus", "surplus counted", "surplus retained");
        TraceEntry budget = trace.stream().filter(t -> t.step().equals("budget")).findFirst().orElseThrow();
        assertThat(budget.amount()).isEqualTo(yuan("3000.00"));
        assertThat(budget.parameter()).contains("100 persons (SIGNED)").contains("3 months");
        assertThat(budget.citation().toString()).isEqualTo("TEST 二(二)");
        TraceEntry counted = trace.stream().filter(t -> t.step().equals("surplus counted")).findFirst().orElseThrow();
        assertThat(counted.amount()).isEqualTo(yuan("300.00"));
        assertThat(counted.citation().toString()).isEqualTo("TEST 二(三)");
    }

    @Test
    void overspend_beyond_the_ceiling_is_borne_by_the_institution() {
        List<TraceEntry> trace = runWithSpent("4000.00").institution("P1").trace();
        assertThat(trace).filteredOn(t -> t.step().equals("overspend borne by the institution"))
                .singleElement().extracting(TraceEntry::amount).isEqualTo(yuan("640.00"));
    }

    @Test
    void only_unreversed_settlements_of_the_period_in_scope_count_as_spent() {
        PaymentRun run = method.run(Fixtures.region(), Q1, List.of(new Headcount(P1, 100), new Headcount(P2, 10)), List.of(
                settlement("in", P1, "2023-03-31", MedicalType.GENERAL_OUTPATIENT, "2800.00"),
                Fixtures.reversed(settlement("reversed", P1, "2023-01-05", MedicalType.GENERAL_OUTPATIENT, "500.00")),
                settlement("april", P1, "2023-04-01", MedicalType.GENERAL_OUTPATIENT, "500.00"),
                settlement("chronic", P1, "2023-01-05", MedicalType.CHRONIC_OUTPATIENT, "500.00"),
                settlement("tertiary", T1, "2023-01-05", MedicalType.GENERAL_OUTPATIENT, "500.00")));
        assertThat(run.institutions()).extracting(InstitutionPayment::institutionId).containsExactly("P1", "P2");
        assertThat(run.institution("P1").amount()).isEqualTo(yuan("2900.00"));
        // P2: 10 persons × 3 months × 10.00 = 300.00, nothing spent, keeps 50 % of 10 % of it
        assertThat(run.institution("P2").amount()).isEqualTo(yuan("15.00"));
        assertThat(run.trace()).extracting(TraceEntry::step).contains("reversed settlements excluded: 1");
    }

    @Test
    void separately_paid_drugs_do_not_count_as_spent() {
        // fund pays 3300.00 on a visit whose in-scope cost is 3/4 a separately paid drug: 2475.00 is paid separately
        PaymentRun run = method.run(Fixtures.region(), Q1, List.of(new Headcount(P1, 100)), List.of(
                settlement("s", P1, "2023-01-05", MedicalType.GENERAL_OUTPATIENT, "3300.00",
                        FeeLine.classA("XN01", yuan("3000.00")), FeeLine.classA("D1", yuan("1000.00")))));
        // spent 825.00: surplus 2175, counted 300, keeps 150
        assertThat(run.institution("P1").amount()).isEqualTo(yuan("975.00"));
    }

    @Test
    void spending_at_an_institution_without_a_headcount_is_all_overspend_borne_by_it() {
        PaymentRun run = method.run(Fixtures.region(), Q1, List.of(),
                List.of(settlement("s", P2, "2023-01-05", MedicalType.GENERAL_OUTPATIENT, "120.00")));
        InstitutionPayment p2 = run.institution("P2");
        assertThat(p2.amount()).isEqualTo(yuan("0.00"));
        assertThat(p2.trace()).extracting(TraceEntry::step).contains("no headcount for the institution");
        assertThat(p2.trace()).filteredOn(t -> t.step().equals("overspend borne by the institution"))
                .singleElement().extracting(TraceEntry::amount).isEqualTo(yuan("120.00"));
    }

    @Test
    void a_headcount_at_a_level_not_paid_per_capita_is_refused() {
        assertThatThrownBy(() -> method.run(Fixtures.region(), Q1, List.of(new Headcount(T1, 100)), List.of()))
                .isInstanceOf(GongjiException.class).extracting(e -> ((GongjiException) e).code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void a_period_before_the_rules_is_refused() {
        assertThatThrownBy(() -> method.run(Fixtures.region(), PaymentPeriod.parse("2022"), List.of(), List.of()))
                .isInstanceOf(GongjiException.class).extracting(e -> ((GongjiException) e).code())
                .isEqualTo(ErrorCode.RULES_NOT_IN_FORCE);
    }
}
