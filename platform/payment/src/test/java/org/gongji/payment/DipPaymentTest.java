package org.gongji.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.payment.Fixtures.yuan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.engine.TraceEntry;
import org.junit.jupiter.api.Test;

/**
 * The hand-checked example: the synthetic catalogue (5 groups) and case list, 3 institutions.
 * <pre>
 * T1 tertiary (×1.0): c1 SYN-G1 10000 → 100; c2 SYN-G1 25000 > 2 × 10000, high-ratio → 100 × 25000/10000 = 250;
 *                     c3 SYN-G4 6000 → 60.                                   points 410, weighted 410
 * S1 secondary (×0.9): c4 SYN-G2 4000 → 40; c5 SYN-G3 800 < 0.5 × 2000, low-ratio → 20 × 800/2000 = 8;
 *                     c6 M17 with an unlisted procedure → SYN-G5 (*) → 80.   points 128, weighted 115.2
 * P1 primary (×0.8):  c7, c8 SYN-G3 2000 → 20 each; c9 Z99.9 ungrouped.     points 40,  weighted 32
 * all weighted points 557.2
 * paid by patients and other funds on grouped cases: T1 4100 + 500, S1 1280, P1 400 = 6280.00
 * budget 49440.01 → value of all points 55720.01 → point value 100.000018 (55720.01 / 557.2)
 * exact shares: T1 41000.007358…, S1 11520.002067…, P1 3200.000574… → rounded down 55720.00,
 * the 1 fen left goes to the largest remainder (T1): 41000.01, 11520.00, 3200.00
 * fund pays: T1 41000.01 - 4600 = 36400.01, S1 11520 - 1280 = 10240.00, P1 3200 - 400 = 2800.00; total 49440.01
 * </pre>
 */
class DipPaymentTest {

    private static final PaymentPeriod YEAR = PaymentPeriod.parse("2023");

    private final DipCatalogue catalogue = DipCatalogueReader.read("sample-dip-catalogue.csv",
            Fixtures.reader("sample-dip-catalogue.csv"));
    private final List<DipCase> cases = DipCaseListReader.read("sample-dip-cases.csv", Fixtures.reader("sample-dip-cases.csv"));

    private PaymentRun run(Money budget, List<DipCase> list) {
        return new DipPayment().run(Fixtures.region(), YEAR, budget, catalogue, list, Fixtures.INSTITUTIONS);
    }

    @Test
    void pays_the_hand_checked_example() {
        PaymentRun run = run(yuan("49440.01"), cases);
        assertThat(run.institutions()).extracting(InstitutionPayment::institutionId).containsExactly("P1", "S1", "T1");
        assertThat(run.institution("T1").amount()).isEqualTo(yuan("36400.01"));
        assertThat(run.institution("S1").amount()).isEqualTo(yuan("10240.00"));
        assertThat(run.institution("P1").amount()).isEqualTo(yuan("2800.00"));
        assertThat(run.total()).isEqualTo(yuan("49440.01"));
    }

    @Test
    void the_point_value_is_the_value_of_all_points_over_all_weighted_points() {
        List<TraceEntry> trace = run(yuan("49440.01"), cases).trace();
        assertThat(step(trace, "value of all points").amount()).isEqualTo(yuan("55720.01"));
        assertThat(step(trace, "all points, weighted by institution coefficient").parameter()).isEqualTo("557.2 points");
        assertThat(step(trace, "point value").parameter()).startsWith("100.000018 yuan per point");
        assertThat(trace).extracting(TraceEntry::step)
                .contains("cases grouped: 8 (in group 6, high-ratio 1, low-ratio 1)", "cases ungrouped, not paid by DIP: 1");
    }

    @Test
    void outliers_are_scored_by_cost_and_points_are_weighted_by_level() {
        PaymentRun run = run(yuan("49440.01"), cases);
        List<TraceEntry> t1 = run.institution("T1").trace();
        assertThat(step(t1, "high-ratio cases: 1").citation().toString()).isEqualTo("TEST 三(一)");
        assertThat(step(t1, "points").parameter()).isEqualTo("410.0000 points");
        assertThat(step(t1, "share of the value of all points").amount()).isEqualTo(yuan("41000.01"));
        List<TraceEntry> s1 = run.institution("S1").trace();
        assertThat(s1).extracting(TraceEntry::step).contains("low-ratio cases: 1");
        assertThat(step(s1, "points").parameter()).isEqualTo("128.0000 points");
        assertThat(step(s1, "weighted points").parameter()).startsWith("115.2 points = points × 90%");
        assertThat(step(s1, "weighted points").citation().toString()).isEqualTo("TEST 三(二)");
        assertThat(step(run.institution("P1").trace(), "ungrouped cases, not paid by DIP: 1").amount()).isEqualTo(yuan("3000.00"));
    }

    @Test
    void the_fund_pays_exactly_the_budget_whatever_the_remainders() {
        for (String budget : List.of("0.00", "0.01", "0.02", "1.00", "12345.67", "49440.00", "49440.02", "99999.99")) {
            PaymentRun run = run(yuan(budget), cases);
            assertThat(run.institutions().stream().map(InstitutionPayment::amount).reduce(Money.ZERO, Money::plus))
                    .as("budget " + budget).isEqualTo(yuan(budget));
        }
    }

    @Test
    void a_case_exactly_at_an_outlier_ratio_is_scored_by_its_group() {
        List<DipCase> atLimits = List.of(
                new DipCase("high", "T1", "K80.1", "51.23", LocalDate.of(2023, 6, 1), yuan("20000.00"), Money.ZERO, Money.ZERO),
                new DipCase("low", "T1", "I10", "", LocalDate.of(2023, 6, 1), yuan("1000.00"), Money.ZERO, Money.ZERO));
        List<TraceEntry> t1 = run(yuan("1200.00"), atLimits).institution("T1").trace();
        assertThat(t1).extracting(TraceEntry::step).contains("cases in group: 2", "high-ratio cases: 0", "low-ratio cases: 0");
        assertThat(step(t1, "points").parameter()).isEqualTo("120.0000 points");
    }

    @Test
    void outlier_points_round_half_up_to_a_ten_thousandth() {
        // one point for an average of 8.00: a low-ratio case of 0.01 scores 1 × 0.01 / 8 = 0.00125 → 0.0013,
        // one of 0.03 scores 0.00375 → 0.0038 (rounding down would give 0.0049, half-even 0.0050)
        DipCatalogue one = new DipCatalogue("inline", List.of(new DipGroup("G", "A00", "", "one point", 10_000, yuan("8.00"))));
        List<DipCase> tiny = List.of(
                new DipCase("a", "T1", "A00", "", LocalDate.of(2023, 6, 1), yuan("0.01"), Money.ZERO, Money.ZERO),
                new DipCase("b", "T1", "A00", "", LocalDate.of(2023, 6, 1), yuan("0.03"), Money.ZERO, Money.ZERO));
        PaymentRun run = new DipPayment().run(Fixtures.region(), YEAR, yuan("1.00"), one, tiny, Fixtures.INSTITUTIONS);
        assertThat(step(run.institution("T1").trace(), "points").parameter()).isEqualTo("0.0051 points");
    }

    @Test
    void bad_case_lists_are_refused_with_a_code() {
        List<DipCase> twice = new ArrayList<>(cases);
        twice.add(cases.get(0));
        assertCode(() -> run(yuan("1.00"), twice), ErrorCode.INVALID_REQUEST);
        List<DipCase> late = List.of(new DipCase("x", "T1", "I10", "", LocalDate.of(2024, 1, 1), yuan("1.00"), Money.ZERO, Money.ZERO));
        assertCode(() -> run(yuan("1.00"), late), ErrorCode.INVALID_REQUEST);
        List<DipCase> stranger = List.of(new DipCase("x", "Q9", "I10", "", LocalDate.of(2023, 1, 1), yuan("1.00"), Money.ZERO, Money.ZERO));
        assertCode(() -> run(yuan("1.00"), stranger), ErrorCode.UNKNOWN_INSTITUTION);
        List<DipCase> ungrouped = List.of(new DipCase("x", "T1", "Z00", "", LocalDate.of(2023, 1, 1), yuan("1.00"), Money.ZERO, Money.ZERO));
        assertCode(() -> run(yuan("1.00"), ungrouped), ErrorCode.INVALID_REQUEST);
        assertCode(() -> run(yuan("-1.00"), cases), ErrorCode.INVALID_AMOUNT);
    }

    static TraceEntry step(List<TraceEntry> trace, String name) {
        return trace.stream().filter(t -> t.step().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + trace));
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(GongjiException.class)
                .extracting(e -> ((GongjiException) e).code()).isEqualTo(code);
    }
}
