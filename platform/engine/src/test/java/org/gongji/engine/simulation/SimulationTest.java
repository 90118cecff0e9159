package org.gongji.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.engine.TestRegions.outpatient;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.Visit;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.SettlementRequest;
import org.gongji.engine.SettlementResult;
import org.gongji.engine.TestRegions;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.junit.jupiter.api.Test;

/** Simulation over the fictional city 990100: annual deductible 100 at primary, 70 %, cap 2000 (employed), fund cap 2100. */
class SimulationTest {

    private final StandardRegion city = TestRegions.city();
    private final Simulation simulation = new Simulation();

    /** Settles the visits one after the other as the counter does and returns them as booked claims. */
    private List<Claim> booked(Person person, String balance, Visit... visits) {
        SettlementEngine engine = new SettlementEngine();
        List<Claim> claims = new ArrayList<>();
        YearToDate ytd = null;
        Money account = Money.parse(balance);
        long order = 0;
        for (Visit v : visits) {
            SettlementResult r = engine.settle(new SettlementRequest(person, v, city, ytd, account, true));
            claims.add(new Claim(person, v, order++, true, account, r.breakdown()));
            ytd = r.yearToDate();
            account = r.breakdown().accountBalance();
        }
        return claims;
    }

    private Region draft(String... lines) {
        List<org.gongji.api.rules.Parameter> changes = new ArrayList<>();
        for (String line : lines) {
            changes.add(ParameterTableReader.parse(line, "draft"));
        }
        return city.withOverrides("draft", changes);
    }

    private static Visit[] monthlyVisits(String amount, int months) {
        Visit[] visits = new Visit[months];
        for (int m = 1; m <= months; m++) {
            visits[m - 1] = outpatient(String.format("2023-%02d-10", m), InstitutionLevel.PRIMARY, amount);
        }
        return visits;
    }

    @Test
    void withNoChangeTheBookedPoolPayIsReproducedToTheFen() {
        List<Claim> claims = new ArrayList<>(booked(TestRegions.employed(), "300.00", monthlyVisits("1000.00", 6)));
        claims.addAll(booked(TestRegions.retired(), "0", monthlyVisits("333.33", 12)));

        SimulationResult r = simulation.run(claims, city, city);

        Money booked = claims.stream().map(c -> c.booked().poolPaid()).reduce(Money.ZERO, Money::plus);
        assertThat(r.booked().exact()).isTrue();
        assertThat(r.booked().poolPaidBooked()).isEqualTo(booked);
        assertThat(r.baseline().poolPaid()).isEqualTo(booked);
        assertThat(r.draft()).isEqualTo(r.baseline());
        assertThat(r.persons()).isEqualTo(2);
    }

    @Test
    void aLowerOutpatientCapPaysLessAndMorePersonsReachIt() {
        // employed: (1000 - 100) × 70 % = 630 in January, then 700 a month; the cap of 2000 is reached in April
        List<Claim> claims = booked(TestRegions.employed(), "0", monthlyVisits("1000.00", 6));

        SimulationResult r = simulation.run(claims, city,
                draft("outpatient.cap.employed | 1500.00 | 2023-01-01 | draft | 测算"));

        assertThat(r.baseline().poolPaid()).isEqualTo(Money.parse("2000.00"));
        assertThat(r.draft().poolPaid()).isEqualTo(Money.parse("1500.00"));
        assertThat(r.draft().poolPaidByBenefit()).containsEntry(Benefit.GENERAL_OUTPATIENT, Money.parse("1500.00"));
        assertThat(r.draft().poolPaidByCategory()).containsEntry(PersonCategory.EMPLOYED, Money.parse("1500.00"));
        assertThat(r.draft().personsReachingCap()).containsEntry(Benefit.GENERAL_OUTPATIENT, 1L);
        assertThat(r.draft().fundPaidByMonth()).containsEntry(YearMonth.of(2023, 1), Money.parse("630.00"))
                .containsEntry(YearMonth.of(2023, 3), Money.parse("170.00"))
                .containsEntry(YearMonth.of(2023, 4), Money.ZERO);
        // what the fund no longer pays, the person pays: the personal part grows by the same 500
        assertThat(r.draft().personalPart().minus(r.baseline().personalPart())).isEqualTo(Money.parse("500.00"));
    }

    @Test
    void theAccountPaysWhatTheDraftLeavesToThePersonAsFarAsTheBookedBalanceReaches() {
        // a 200.00 balance: the baseline takes 100 (deductible) + 30 % of 100 = 130 from the account in January
        List<Claim> claims = booked(TestRegions.employed(), "200.00",
                outpatient("2023-01-10", InstitutionLevel.PRIMARY, "200.00"),
                outpatient("2023-02-10", InstitutionLevel.PRIMARY, "200.00"));

        SimulationResult r = simulation.run(claims, city, draft("outpatient.ratio.primary | 50% | 2023-01-01 | draft | 测算"));

        assertThat(r.baseline().accountPaid()).isEqualTo(Money.parse("190.00")); // 130 + 60
        // the draft leaves 150 then 100 to the person: the balance of 200 covers 150 and 50
        assertThat(r.draft().accountPaid()).isEqualTo(Money.parse("200.00"));
        assertThat(r.draft().cashPaid()).isEqualTo(Money.parse("50.00"));
    }

    @Test
    void aVisitTheDraftRefusesIsCountedNotSettled() {
        List<Claim> claims = booked(TestRegions.employed(), "0", outpatient("2023-03-01", InstitutionLevel.PRIMARY, "100.00"));

        SimulationResult r = simulation.run(claims, city, draft("region.effectiveFrom | 2023-06-01 | 2023-01-01 | draft | 测算"));

        assertThat(r.draft().claims()).isZero();
        assertThat(r.draft().refused()).containsEntry("RULES_NOT_IN_FORCE", 1L);
        assertThat(r.baseline().claims()).isEqualTo(1);
    }

    @Test
    void thePersonalPartIsAveragedPerTenthOfThePersonsFromLeastToMost() {
        List<Claim> claims = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Person p = new Person("p" + i, "p", TestRegions.CITY, java.time.LocalDate.of(1980, 1, 1), PersonCategory.EMPLOYED,
                    null, Money.ofYuan(6000), null, null, null);
            // visits of 10, 20, ... 200 yuan: all within the deductible of 100 up to 100, then 30 % above
            claims.addAll(booked(p, "0", outpatient("2023-03-01", InstitutionLevel.PRIMARY, (i * 10) + ".00")));
        }

        SimulationResult r = simulation.run(claims, city, city);

        assertThat(r.baseline().personalPartByDecile()).hasSize(10);
        assertThat(r.baseline().personalPartByDecile().get(0)).isEqualTo(Money.parse("15.00")); // 10 and 20
        assertThat(r.baseline().personalPartByDecile().get(9)).isEqualTo(Money.parse("128.50")); // 100 + 27, 100 + 30
    }
}
