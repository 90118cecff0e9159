package org.gongji.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.junit.jupiter.api.Test;

/** The critical-illness layer after the pooled fund: 990100 with a 1,000.00 layer deductible at 60 %, cap 500.00. */
class CriticalIllnessStepTest {

    private final SettlementEngine engine = new SettlementEngine();
    private final StandardRegion city = new StandardRegion(TestRegions.city().parameters().with("critical", List.of(
            ParameterTableReader.parse("critical.countsFor | GENERAL_OUTPATIENT | 2023-01-01 | TESTC-1 一 | t", "t"),
            ParameterTableReader.parse("critical.deductible | 1000.00 | 2023-01-01 | TESTC-1 二 | t", "t"),
            ParameterTableReader.parse("critical.ratio | 60% | 2023-01-01 | TESTC-1 三 | t", "t"),
            ParameterTableReader.parse("critical.annualCap | 500.00 | 2023-01-01 | TESTC-1 四 | t", "t"))));

    private SettlementResult settle(YearToDate ytd, String amount) {
        return engine.settle(new SettlementRequest(TestRegions.employed(),
                TestRegions.outpatient("2023-03-01", InstitutionLevel.PRIMARY, amount), city, ytd, Money.ZERO, true));
    }

    @Test
    void below_the_layer_deductible_the_own_share_is_only_counted() {
        SettlementResult r = settle(null, "500.00");
        // primary: deductible 100, (500 - 100) × 70% = 280 pooled, own share 220
        assertThat(r.breakdown().criticalIllnessPaid()).isEqualTo(Money.ZERO);
        assertThat(r.yearToDate().criticalIllnessBase()).isEqualTo(Money.parse("220.00"));
        assertThat(r.breakdown().fundPaid()).isEqualTo(r.breakdown().poolPaid());
    }

    @Test
    void the_part_of_the_own_share_above_the_deductible_is_paid_at_the_ratio_and_joins_the_fund_pay() {
        SettlementResult first = settle(null, "3000.00");
        // deductible 100, 2900 × 70% = 2030 → benefit cap 2000; own share 1000: exactly the layer deductible
        assertThat(first.breakdown().criticalIllnessPaid()).isEqualTo(Money.ZERO);
        SettlementResult second = settle(first.yearToDate(), "400.00");
        // cap used up: own share 400, all above the layer deductible → 240
        assertThat(second.breakdown().poolPaid()).isEqualTo(Money.ZERO);
        assertThat(second.breakdown().criticalIllnessPaid()).isEqualTo(Money.parse("240.00"));
        assertThat(second.breakdown().fundPaid()).isEqualTo(Money.parse("240.00"));
        assertThat(second.breakdown().totalAmount())
                .isEqualTo(second.breakdown().fundPaid().plus(second.breakdown().personalPart()));
        assertThat(second.trace()).anySatisfy(t -> {
            assertThat(t.step()).isEqualTo("critical-illness pay");
            assertThat(t.citation().toString()).isEqualTo("TESTC-1 三");
        });
    }

    @Test
    void the_layer_stops_at_its_annual_cap_and_a_reversal_takes_its_accumulators_back() {
        SettlementResult first = settle(null, "3000.00");
        SettlementResult second = settle(first.yearToDate(), "2000.00");
        // 2000 × 60% = 1200, capped at 500
        assertThat(second.breakdown().criticalIllnessPaid()).isEqualTo(Money.parse("500.00"));
        assertThat(second.delta().revertFrom(second.yearToDate())).isEqualTo(first.yearToDate());
    }

    @Test
    void a_medical_type_outside_the_layer_scope_is_not_counted() {
        StandardRegion chronicOnly = new StandardRegion(city.parameters().with("chronic only", List.of(
                ParameterTableReader.parse("critical.countsFor | CHRONIC_OUTPATIENT | 2023-01-01 | TESTC-1 一 | t", "t"))));
        SettlementResult r = engine.settle(new SettlementRequest(TestRegions.employed(),
                TestRegions.outpatient("2023-03-01", InstitutionLevel.PRIMARY, "3000.00"), chronicOnly,
                new YearToDate(2023, java.util.Map.of(), Money.ZERO, Money.parse("5000.00"), Money.ZERO), Money.ZERO, true));
        assertThat(r.breakdown().criticalIllnessPaid()).isEqualTo(Money.ZERO);
        assertThat(r.yearToDate().criticalIllnessBase()).isEqualTo(Money.parse("5000.00"));
    }
}
