package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;
import static org.gongji.store.Fixtures.visit;
import static org.gongji.store.SettlementBookingTest.assertCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.money.Money;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What decides benefits (category, retirement date, contribution base, family) changes from a date
 * and never rewrites what was booked. Jiaozuo (焦政办〔2022〕22号 二(一)): a tertiary visit pays 50% above
 * 50.00 for the employed up to 1300.00 a year, 60% for retirees up to 1800.00. Today is 2024-06-15.
 */
class PersonChangeTest {

    @TempDir
    Path tmp;

    static Person withBase(String id, String base) {
        return new Person(id, "职工" + id, JIAOZUO, LocalDate.of(1970, 5, 1), PersonCategory.EMPLOYED, null,
                Money.parse(base), null, null, List.of());
    }

    static Person retired(Person p, LocalDate retirementDate) {
        return new Person(p.id(), p.name(), p.region(), p.birthDate(), PersonCategory.RETIRED, retirementDate,
                p.monthlyContributionBase(), null, null, p.family());
    }

    static Person withFamily(Person p, FamilyMember... family) {
        return new Person(p.id(), p.name(), p.region(), p.birthDate(), p.category(), p.retirementDate(),
                p.monthlyContributionBase(), null, null, List.of(family));
    }

    @Test
    void retiringAfterTheCapWasUsedIsRefusedOnOrBeforeTheVisitAndAppliesOnlyAfterIt() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            Fixtures.personWithCredits(store, "E", "H1");
            Person employed = store.persons().person("E").orElseThrow();
            // (2700.00 - 50.00) × 50% = 1325.00, capped at the employed's 1300.00
            assertThat(store.settlements().settle(visit("E", "H1", LocalDate.of(2024, 3, 5), Money.parse("2700.00")), CLERK)
                    .value().breakdown().poolPaid()).isEqualTo(Money.parse("1300.00"));

            assertCode(() -> store.persons().putPerson(retired(employed, LocalDate.of(2024, 3, 1)), LocalDate.of(2024, 3, 5),
                    CLERK), ErrorCode.CHANGE_BEFORE_BOOKING);
            assertCode(() -> store.persons().putPerson(retired(employed, LocalDate.of(2024, 3, 1)), LocalDate.of(2024, 1, 1),
                    CLERK), ErrorCode.CHANGE_BEFORE_BOOKING);
            assertThat(store.persons().person("E").orElseThrow().category()).isEqualTo(PersonCategory.EMPLOYED);

            store.persons().putPerson(retired(employed, LocalDate.of(2024, 3, 6)), LocalDate.of(2024, 3, 6), CLERK);
            // a late visit of 2024-03-04 is still the employed person's: the cap is used, the fund pays nothing
            assertThat(store.settlements().settle(visit("E", "H1", LocalDate.of(2024, 3, 4), Money.parse("1000.00")), CLERK)
                    .value().breakdown().poolPaid()).isEqualTo(Money.ZERO);
            // from 2024-03-06 a retiree: (1000.00 - 50.00) × 60% = 570.00, 500.00 left under 1800.00
            assertThat(store.settlements().settle(visit("E", "H1", LocalDate.of(2024, 3, 6), Money.parse("1000.00")), CLERK)
                    .value().breakdown().poolPaid()).isEqualTo(Money.parse("500.00"));
            assertThat(store.persons().person("E", LocalDate.of(2024, 3, 5)).orElseThrow().category())
                    .isEqualTo(PersonCategory.EMPLOYED);
            assertThat(store.persons().person("E", LocalDate.of(2024, 3, 6)).orElseThrow().category())
                    .isEqualTo(PersonCategory.RETIRED);
        }
    }

    @Test
    void aBaseChangeAppliesFromItsDateToCreditsAndSurvivesARestart() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putPerson(withBase("B", "6000.00"), CLERK);
            store.persons().putPerson(withBase("B", "10000.00"), LocalDate.of(2024, 5, 15), CLERK);
            for (String m : List.of("2024-04", "2024-05", "2024-06")) {
                store.accounts().creditMonth(JIAOZUO, YearMonth.parse(m), CLERK);
            }
        }
        try (OpenStore store = TestStores.reopen(tmp)) {
            // 2% of the base in force on the month's first day: 6000.00 in April and May, 10000.00 in June
            assertThat(store.accounts().statement("B").entries().stream().map(LedgerEntry::amount).toList())
                    .containsExactly(Money.parse("120.00"), Money.parse("120.00"), Money.parse("200.00"));
            assertThat(store.persons().versions("B")).extracting(PersonVersion::from, PersonVersion::monthlyContributionBase)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(1970, 5, 1), Money.parse("6000.00")),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 5, 15), Money.parse("10000.00")));
            // the June credit was booked on 2024-06-01: a change dated then is refused, the day after accepted
            assertCode(() -> store.persons().putPerson(withBase("B", "8000.00"), LocalDate.of(2024, 6, 1), CLERK),
                    ErrorCode.CHANGE_BEFORE_BOOKING);
            store.persons().putPerson(withBase("B", "8000.00"), LocalDate.of(2024, 6, 2), CLERK);
            // a change dated before the latest version is refused
            assertCode(() -> store.persons().putPerson(withBase("B", "9000.00"), LocalDate.of(2024, 5, 20), CLERK),
                    ErrorCode.CHANGE_BEFORE_VERSION);
            assertThat(store.persons().person("B").orElseThrow().monthlyContributionBase()).isEqualTo(Money.parse("8000.00"));
        }
    }

    @Test
    void aChangeOnTheLatestVersionsOwnDayCorrectsItWhileNothingIsBooked() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putPerson(withBase("C", "6000.00"), CLERK);
            store.persons().putPerson(withBase("C", "7000.00"), LocalDate.of(2024, 6, 15), CLERK);
            store.persons().putPerson(withBase("C", "7500.00"), LocalDate.of(2024, 6, 15), CLERK);
            assertThat(store.persons().versions("C")).extracting(PersonVersion::monthlyContributionBase)
                    .containsExactly(Money.parse("6000.00"), Money.parse("7500.00"));
            // the first version holds from birth: correcting it is dating the change on the birth date
            store.persons().putPerson(withBase("D", "6000.00"), CLERK);
            store.persons().putPerson(withBase("D", "6500.00"), LocalDate.of(1970, 5, 1), CLERK);
            assertThat(store.persons().versions("D")).extracting(PersonVersion::monthlyContributionBase)
                    .containsExactly(Money.parse("6500.00"));
        }
    }

    @Test
    void aBaseOutsideTheRegionsFloorAndCeilingIsRefused() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            // 焦作 ASSUMPTION rows: 3000.00 (60%) to 15000.00 (300%) of an assumed monthly average wage of 5000.00
            for (String base : List.of("100000000.00", "15000.01", "2999.99")) {
                assertCode(() -> store.persons().putPerson(withBase("X" + base, base), CLERK), ErrorCode.OUTSIDE_REGION_LIMITS);
            }
            store.persons().putPerson(withBase("LOW", "3000.00"), CLERK);
            store.persons().putPerson(withBase("HIGH", "15000.00"), CLERK);
            assertCode(() -> store.persons().putPerson(withBase("HIGH", "100000000.00"), LocalDate.of(2024, 7, 1), CLERK),
                    ErrorCode.OUTSIDE_REGION_LIMITS);
            assertThat(store.persons().person("HIGH").orElseThrow().monthlyContributionBase()).isEqualTo(Money.parse("15000.00"));
            assertThat(store.persons().person("X2999.99")).isEmpty();
        }
    }

    @Test
    void theRegionAndBirthDateAreFixedOnceSomethingIsBooked() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putPerson(withBase("F", "6000.00"), CLERK);
            Person born = withBase("F", "6000.00");
            Person reborn = new Person("F", born.name(), JIAOZUO, LocalDate.of(1950, 5, 1), born.category(), null,
                    born.monthlyContributionBase(), null, null, List.of());
            store.persons().putPerson(reborn, CLERK); // nothing booked yet: a typo may be corrected
            store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 6), CLERK);
            assertCode(() -> store.persons().putPerson(born, CLERK), ErrorCode.CHANGE_BEFORE_BOOKING);
            assertThat(store.persons().person("F").orElseThrow().birthDate()).isEqualTo(LocalDate.of(1950, 5, 1));
        }
    }

    @Test
    void aFamilyChangeIsDatedAuditedAndKeepsTheFamilyBefore() throws SQLException {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putPerson(withBase("SPOUSE", "6000.00"), CLERK);
            Person victim = withFamily(withBase("V", "6000.00"), new FamilyMember("SPOUSE", Relation.SPOUSE));
            store.persons().putPerson(victim, CLERK);
            store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 6), CLERK);
            store.persons().putPerson(withBase("A", "6000.00"), CLERK);
            Person rewritten = withFamily(victim, new FamilyMember("A", Relation.SPOUSE));
            assertCode(() -> store.persons().putPerson(rewritten, LocalDate.of(2024, 6, 1), WriteContext.by("intruder")),
                    ErrorCode.CHANGE_BEFORE_BOOKING);
            store.persons().putPerson(rewritten, LocalDate.of(2024, 6, 15), WriteContext.by("bureau clerk"));
            assertThat(store.persons().person("V", LocalDate.of(2024, 6, 14)).orElseThrow().family())
                    .containsExactly(new FamilyMember("SPOUSE", Relation.SPOUSE));
            assertThat(store.persons().person("V").orElseThrow().family()).containsExactly(new FamilyMember("A", Relation.SPOUSE));
            if (!TestStores.onPostgres()) {
                assertThat(audit(tmp, "person/V")).containsExactlyInAnyOrder("CREATE_PERSON by test-clerk",
                        "CHANGE_PERSON by bureau clerk: family [SPOUSE SPOUSE] → [SPOUSE A] from 2024-06-15");
            }
        }
    }

    /** The audit rows of a target (same time on the fixed clock: in no particular order), read with plain JDBC from the embedded database. */
    static List<String> audit(Path tmp, String target) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + tmp.resolve("data").resolve("db").toAbsolutePath());
                PreparedStatement s = c.prepareStatement(
                        "SELECT action, actor, detail FROM gj_audit WHERE target = ? ORDER BY happened_at, id")) {
            s.setString(1, target);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String action = rs.getString(1) + " by " + rs.getString(2);
                    rows.add(rs.getString(1).equals("CREATE_PERSON") ? action : action + ": " + rs.getString(3));
                }
            }
        }
        return rows;
    }
}
