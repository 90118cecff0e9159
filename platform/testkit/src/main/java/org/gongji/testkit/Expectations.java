package org.gongji.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.engine.Breakdown;
import org.gongji.engine.SettlementResult;
import org.gongji.engine.TraceEntry;
import org.gongji.rules.csv.CsvReader;
import org.junit.jupiter.api.Assertions;

/** Compares an outcome with the expectation columns of its row; blank columns are not checked. */
final class Expectations {

    private record MoneyColumn(String column, Function<Breakdown, Money> actual) {
    }

    private static final List<MoneyColumn> MONEY_COLUMNS = List.of(
            new MoneyColumn("fundPaid", Breakdown::fundPaid),
            new MoneyColumn("poolPaid", Breakdown::poolPaid),
            new MoneyColumn("deductiblePaid", Breakdown::deductiblePaid),
            new MoneyColumn("overCapSelfPaid", Breakdown::overCapSelfPaid),
            new MoneyColumn("criticalIllnessPaid", Breakdown::criticalIllnessPaid),
            new MoneyColumn("personalPart", Breakdown::personalPart),
            new MoneyColumn("accountPaid", Breakdown::accountPaid),
            new MoneyColumn("cashPaid", Breakdown::cashPaid),
            new MoneyColumn("inScopeAmount", Breakdown::inScopeAmount),
            new MoneyColumn("preSelfPaid", Breakdown::preSelfPaid),
            new MoneyColumn("separatelyPaid", Breakdown::separatelyPaid));

    private Expectations() {
    }

    static void check(ScenarioRunner.Outcome outcome) {
        CsvReader.Row row = outcome.scenario().row();
        if (row.has("error")) {
            Assertions.assertNotNull(outcome.error(), () -> row.where() + ": expected " + row.text("error") + " but it settled\n"
                    + (outcome.result() == null ? "" : explain(outcome.result())));
            Assertions.assertEquals(row.text("error"), outcome.error().code().name(), row.where() + ": " + outcome.error().getMessage());
            return;
        }
        if (outcome.error() != null) {
            Assertions.fail(row.where() + ": refused with " + outcome.error().code() + ": " + outcome.error().getMessage());
        }
        Breakdown b = outcome.result().breakdown();
        Assertions.assertEquals(b.totalAmount(), b.fundPaid().plus(b.personalPart()), "total = fund + personal");
        Assertions.assertEquals(b.personalPart(), b.accountPaid().plus(b.cashPaid()), "personal = account + cash");
        List<String> mismatches = new ArrayList<>();
        for (MoneyColumn c : MONEY_COLUMNS) {
            if (row.has(c.column())) {
                Money expected = Money.parse(row.text(c.column()));
                Money actual = c.actual().apply(b);
                if (!expected.equals(actual)) {
                    mismatches.add(c.column() + " expected " + expected + " but was " + actual);
                }
            }
        }
        if (row.has("poolRatio") && !Ratio.parse(row.text("poolRatio")).equals(b.poolRatio())) {
            mismatches.add("poolRatio expected " + row.text("poolRatio") + " but was " + b.poolRatio());
        }
        if (row.has("trace")) {
            for (String phrase : row.text("trace").split(";")) {
                String p = phrase.strip();
                if (!p.isEmpty() && outcome.result().trace().stream().noneMatch(e -> e.step().contains(p))) {
                    mismatches.add("no trace step says \"" + p + "\"");
                }
            }
        }
        if (!mismatches.isEmpty()) {
            Assertions.fail(row.where() + ": " + String.join("; ", mismatches) + "\n" + explain(outcome.result()));
        }
    }

    static String explain(SettlementResult result) {
        StringBuilder sb = new StringBuilder("trace:\n");
        for (TraceEntry e : result.trace()) {
            sb.append("  ").append(e.step()).append(": ").append(e.amount()).append("  (").append(e.parameter()).append(')');
            if (e.citation() != null) {
                sb.append("  ").append(e.citation());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
