package org.gongji.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.rules.Term;
import org.junit.jupiter.api.Test;

class ParameterTableTest {

    private static ParameterTable read(String text) throws IOException {
        return ParameterTableReader.read("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private final String table = """
            # a comment
            outpatient.deductible.tertiary | 50.00 | 2022-07-01 | 焦政办〔2022〕22号 二(一) | 每次50元
            outpatient.deductible.tertiary | 60.00 | 2024-01-01 | 焦医保〔2023〕9号 三 |
            outpatient.ratio.tertiary      | 50%   | 2022-07-01 | ASSUMPTION | not in the document
            """;

    @Test
    void aValueHoldsFromItsDateUntilTheNextEntry() throws IOException {
        ParameterTable t = read(table);
        assertThat(t.money("outpatient.deductible.tertiary", LocalDate.of(2023, 12, 31)).value()).isEqualTo(Money.ofYuan(50));
        assertThat(t.money("outpatient.deductible.tertiary", LocalDate.of(2024, 1, 1)).value()).isEqualTo(Money.ofYuan(60));
        assertThat(t.changeDates()).containsExactly(LocalDate.of(2022, 7, 1), LocalDate.of(2024, 1, 1));
    }

    @Test
    void beforeTheFirstEntryTheRulesAreNotInForce() throws IOException {
        assertThatThrownBy(() -> read(table).money("outpatient.deductible.tertiary", LocalDate.of(2022, 6, 30)))
                .isInstanceOf(GongjiException.class)
                .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.RULES_NOT_IN_FORCE);
    }

    @Test
    void citationsAndAssumptionsTravelWithTheValue() throws IOException {
        ParameterTable t = read(table);
        Term<Money> deductible = t.money("outpatient.deductible.tertiary", LocalDate.of(2022, 8, 1));
        assertThat(deductible.citation().document()).isEqualTo("焦政办〔2022〕22号");
        assertThat(deductible.citation().clause()).isEqualTo("二(一)");
        assertThat(deductible.parameter()).isEqualTo("outpatient.deductible.tertiary = 50.00");
        Parameter ratio = t.require("outpatient.ratio.tertiary", LocalDate.of(2022, 8, 1));
        assertThat(ratio.assumption()).isTrue();
        assertThat(ratio.citation().clause()).isEqualTo("not in the document");
        assertThat(ratio.value()).isEqualTo(Ratio.ofPercent(50));
    }

    @Test
    void anOverrideForTheSameDateReplacesTheEntry() throws IOException {
        ParameterTable t = read(table).with("override", List.of(
                ParameterTableReader.parse("outpatient.deductible.tertiary | 40.00 | 2022-07-01 | 焦医保〔2022〕1号 |", "cfg")));
        assertThat(t.money("outpatient.deductible.tertiary", LocalDate.of(2022, 8, 1)).value()).isEqualTo(Money.ofYuan(40));
        assertThat(t.entries()).hasSize(3);
    }

    @Test
    void aMalformedLineNamesItsPlace() {
        assertThatThrownBy(() -> read("outpatient.ratio.tertiary | 50% | 2022-13-01 | x |"))
                .hasMessageStartingWith("test:1");
        assertThatThrownBy(() -> read("outpatient.ratio.tertiary | 50%"))
                .hasMessageStartingWith("test:1");
    }

    @Test
    void valuesAreTypedByHowTheyAreWritten() {
        assertThat(ValueSyntax.read("55%")).isEqualTo(Ratio.ofPercent(55));
        assertThat(ValueSyntax.read("1300.00")).isEqualTo(Money.ofYuan(1300));
        assertThat(ValueSyntax.read("410800")).isEqualTo(410800);
        assertThat(ValueSyntax.read("2022-07-01")).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(ValueSyntax.read("PER_VISIT")).isEqualTo("PER_VISIT");
    }
}
