package org.gongji.testkit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.spi.account.AccountCredit;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rules.csv.CsvReader;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scenario tables as JUnit tests, one dynamic test per row, named by the row's sentence and clause:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; scenarios() {
 *     return Scenarios.tests("/scenarios/410800-jiaozuo.csv", StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
 * }
 * </pre>
 * Settlement tables have the columns {@code case, clause, person, region, category, birthDate,
 * retirementDate, familyDoctor (here|elsewhere), chronic ({@code CODE} recognised since birth, {@code CODE@FROM} or
 * {@code CODE@FROM..TO}, several joined by {@code ;}),
 * date, level, provincial, institutionRegion (where the institution is, when not in the person's region),
 * filed (yes: filed beforehand for care in another region), medType, disease, lines, balance, useAccount} and the expectations {@code fundPaid, poolPaid,
 * deductiblePaid, poolRatio, overCapSelfPaid, criticalIllnessPaid, separatelyPaid, personalPart,
 * accountPaid, cashPaid, inScopeAmount, preSelfPaid, trace (phrases, separated by ';', each found in
 * a trace step), error}; a blank expectation is not checked.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * The settlement scenarios of a table, run against the region under test; further regions
     * (its province, say) are deployed beside it, with the runtime's serving rules.
     */
    public static Stream<DynamicTest> tests(String resource, Region underTest, Region... others) {
        MapRegionRegistry registry = new MapRegionRegistry(others);
        registry.put(underTest);
        List<Scenario> scenarios = CsvTable.read(underTest.getClass().getResource(resource), resource).stream()
                .map(row -> Scenario.of(row, underTest.metadata().code()))
                .toList();
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException(resource + " has no scenarios");
        }
        List<ScenarioRunner.Outcome> outcomes = new ScenarioRunner(registry).run(scenarios);
        return outcomes.stream().map(o -> DynamicTest.dynamicTest(o.scenario().title(), () -> Expectations.check(o)));
    }

    /**
     * Monthly account credit scenarios: columns {@code case, clause, category, birthDate,
     * retirementDate, base, month, credit, error}; {@code credit} is the month's total credit.
     */
    public static Stream<DynamicTest> creditTests(String resource, Region underTest) {
        AccountCrediting crediting = underTest.accountCrediting()
                .orElseThrow(() -> new IllegalArgumentException(underTest.metadata().code() + " provides no account crediting"));
        return CsvTable.read(underTest.getClass().getResource(resource), resource).stream().map(row -> {
            String title = row.text("case") + (row.has("clause") ? " [" + row.text("clause") + "]" : "");
            return DynamicTest.dynamicTest(title, () -> checkCredit(row, underTest, crediting));
        });
    }

    private static void checkCredit(CsvReader.Row row, Region region, AccountCrediting crediting) {
        Person person = new Person("row-" + row.line(), "row " + row.line(), region.metadata().code(),
                row.has("birthDate") ? LocalDate.parse(row.text("birthDate")) : LocalDate.of(1970, 1, 1),
                PersonCategory.valueOf(row.text("category")),
                row.has("retirementDate") ? LocalDate.parse(row.text("retirementDate")) : null,
                row.has("base") ? Money.parse(row.text("base")) : Money.ZERO, null, null, null);
        YearMonth month = YearMonth.parse(row.text("month"));
        if (row.has("error")) {
            GongjiException e = Assertions.assertThrows(GongjiException.class, () -> crediting.monthlyCredit(person, month),
                    row.where());
            Assertions.assertEquals(row.text("error"), e.code().name(), row.where());
            return;
        }
        List<AccountCredit> credits = crediting.monthlyCredit(person, month);
        Money total = credits.stream().map(AccountCredit::amount).reduce(Money.ZERO, Money::plus);
        Assertions.assertEquals(Money.parse(row.text("credit")), total, () -> row.where() + ": " + credits);
    }
}
