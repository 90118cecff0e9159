package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.store.SimulationService.Change;
import org.gongji.store.SimulationService.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulations over Jiaozuo's booked settlements of 2024 (焦政办〔2022〕22号 二(一): at a tertiary
 * hospital 50.00 a visit, 50 %, 1300.00 a year for the employed): a visit of 1000.00 pools 475.00.
 */
class SimulationTest {

    @TempDir
    Path tmp;
    OpenStore store;

    @BeforeEach
    void open() {
        // a clock that moves a second a reading: booking order and reversal times are distinct, as at a counter
        store = TestStores.fresh(tmp, new Clock() {
            private final AtomicLong seconds = new AtomicLong();

            @Override
            public ZoneId getZone() {
                return TestStores.CLOCK.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return TestStores.CLOCK.instant().plusSeconds(seconds.incrementAndGet());
            }
        });
        Fixtures.personWithCredits(store, "S1", "H1");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SettlementRecord settle(String person, String date) {
        return store.settlements().settle(Fixtures.visit(person, "H1", LocalDate.parse(date), Money.parse("1000.00")), CLERK)
                .value();
    }

    private SimulationRecord simulate(Change... changes) {
        JobRecord job = store.jobs().await(store.simulations().submit(new Request(JIAOZUO, 2024, List.of(changes)), CLERK)
                .value().id());
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        return store.simulations().find(store.simulations().simulationIdOf(job)).orElseThrow();
    }

    @Test
    void withNoChangeTheBookedPoolPayOfTheYearIsReproducedToTheFen() {
        for (String d : List.of("2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10")) {
            settle("S1", d);
        }

        SimulationRecord r = simulate();

        // 475 + 475 + 350 (the cap of 1300 reached) + 0
        assertThat(r.result().booked().poolPaidBooked()).isEqualTo(Money.parse("1300.00"));
        assertThat(r.result().baseline().poolPaid()).isEqualTo(Money.parse("1300.00"));
        assertThat(r.result().booked().exact()).isTrue();
        assertThat(r.personsWithLateReversal()).isZero();
        assertThat(r.rulesRegion()).isEqualTo("410800");
    }

    @Test
    void aLowerCapIsWhatTheDraftPaysAndTheChangeNamesTheRowItReplaces() {
        for (String d : List.of("2024-01-10", "2024-02-10", "2024-03-10")) {
            settle("S1", d);
        }

        SimulationRecord r = simulate(new Change("outpatient.cap.employed", "1000.00", null));

        assertThat(r.result().baseline().poolPaid()).isEqualTo(Money.parse("1300.00"));
        assertThat(r.result().draft().poolPaid()).isEqualTo(Money.parse("1000.00"));
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.replacedValue()).isEqualTo("1300.00");
            assertThat(c.replacedCitation()).contains("焦政办〔2022〕22号");
            assertThat(c.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        });
    }

    @Test
    void aReversalAfterALaterBookingIsReportedNotHidden() {
        SettlementRecord first = settle("S1", "2024-01-10");
        settle("S1", "2024-02-10");
        settle("S1", "2024-03-10"); // 350: the cap counted the first visit
        store.settlements().reverse(first.id(), CLERK);

        SimulationRecord r = simulate();

        // booked without the reversed one: 475 + 350; settled again in order: 475 + 475
        assertThat(r.result().booked().poolPaidBooked()).isEqualTo(Money.parse("825.00"));
        assertThat(r.result().baseline().poolPaid()).isEqualTo(Money.parse("950.00"));
        assertThat(r.result().booked().personsDiffering()).isEqualTo(1);
        assertThat(r.personsWithLateReversal()).isEqualTo(1);
    }

    @Test
    void aSimulationBooksNothing() {
        SettlementRecord s = settle("S1", "2024-01-10");
        Money balance = store.accounts().statement("S1").balance();

        simulate(new Change("outpatient.ratio.tertiary", "90%", null));

        assertThat(store.accounts().statement("S1").balance()).isEqualTo(balance);
        assertThat(store.settlements().settlement(s.id()).orElseThrow().breakdown().poolPaid()).isEqualTo(Money.parse("475.00"));
    }

    @Test
    void anUnknownKeyOrAValueOfAnotherKindIsRefusedAndNoJobIsStored() {
        assertThatThrownBy(() -> store.simulations().submit(new Request(JIAOZUO, 2024,
                List.of(new Change("outpatient.cap.employd", "1000.00", null))), CLERK))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("outpatient.cap.employd");
        assertThatThrownBy(() -> store.simulations().submit(new Request(JIAOZUO, 2024,
                List.of(new Change("outpatient.cap.employed", "50%", null))), CLERK))
                .isInstanceOf(GongjiException.class).hasMessageContaining("another kind");
    }

    private SimulationRecord simulateFile(String csv, Change... changes) {
        JobRecord job = store.jobs().await(store.simulations().submit(new Request(JIAOZUO, 2024, List.of(changes),
                ClaimFile.parse(csv, 2024)), CLERK).value().id());
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        return store.simulations().find(store.simulations().simulationIdOf(job)).orElseThrow();
    }

    static final String FILE = ClaimFile.HEADER + "\n"
            + "U1,EMPLOYED,45,2024-01-10,TERTIARY,GENERAL_OUTPATIENT,1000.00,,,,\n"
            + "U1,EMPLOYED,45,2024-02-10,TERTIARY,GENERAL_OUTPATIENT,1000.00,,,,\n"
            + "U1,EMPLOYED,45,2024-03-10,TERTIARY,GENERAL_OUTPATIENT,1000.00,,,,\n"
            + "U2,RETIRED,70,2024-05-10,TERTIARY,GENERAL_OUTPATIENT,1000.00,,,,\n";

    @Test
    void anUploadedFileIsSettledPersonByPersonWithEachPersonsOwnAccumulators() {
        SimulationRecord r = simulateFile(FILE, new Change("outpatient.cap.employed", "1000.00", null));

        // 焦政办〔2022〕22号 二(一), tertiary: 50.00 a visit, then 50 % (employed) or 60 % (retired, +10 points);
        // U1: 475 + 475 + 350 (cap 1300 reached) = 1300, under a cap of 1000: 1000; U2: 950 × 60 % = 570
        assertThat(r.claims()).isEqualTo("UPLOADED");
        assertThat(r.result().persons()).isEqualTo(2);
        assertThat(r.result().baseline().poolPaid()).isEqualTo(Money.parse("1870.00"));
        assertThat(r.result().draft().poolPaid()).isEqualTo(Money.parse("1570.00"));
        assertThat(r.result().booked().claimsCompared()).isZero();
    }

    @Test
    void aFileLineOutsideTheYearOrMalformedIsRefusedWithItsNumberAndStoresNoJob() {
        String otherYear = ClaimFile.HEADER + "\nU1,EMPLOYED,45,2023-12-31,TERTIARY,GENERAL_OUTPATIENT,100.00,,,,\n";
        assertThatThrownBy(() -> store.simulations().submit(new Request(JIAOZUO, 2024, List.of(), ClaimFile.parse(otherYear, 2023)),
                CLERK)).isInstanceOf(GongjiException.class).hasMessageContaining("2023-12-31").hasMessageContaining("2024");
        assertThatThrownBy(() -> ClaimFile.parse(otherYear, 2024)).isInstanceOf(GongjiException.class)
                .hasMessageContaining(":2:").hasMessageContaining("2023-12-31");
        assertThatThrownBy(() -> ClaimFile.parse(ClaimFile.HEADER + "\nU1,EMPLOYED,45,2024-01-10T08:00:00Z,TERTIARY,"
                + "GENERAL_OUTPATIENT,100.00,,,,\n", 2024)).isInstanceOf(GongjiException.class).hasMessageContaining(":2:")
                .hasMessageContaining("date");
        assertThatThrownBy(() -> ClaimFile.parse(ClaimFile.HEADER + "\nU1,EMPLOYED,45,2024-01-10,TERTIARY,"
                + "GENERAL_OUTPATIENT,100.001,,,,\n", 2024)).hasMessageContaining("classA");
        assertThatThrownBy(() -> ClaimFile.parse("person,age\nU1,45\n", 2024)).hasMessageContaining(":1:");
        assertThat(store.jobs().find("none")).isEmpty();
    }

    @Test
    void aBookedClaimIsSettledAgainWithThePersonAsInForceOnItsDate() {
        settle("S1", "2024-03-10"); // employed: (1000 - 50) × 50 % = 475
        Person retired = new Person("S1", "职工S1", JIAOZUO, LocalDate.of(1980, 5, 1), PersonCategory.RETIRED, null,
                Money.ZERO, null, null, List.of());
        store.persons().putPerson(retired, LocalDate.of(2024, 4, 1), CLERK);
        settle("S1", "2024-05-10"); // retired from 1 April: 950 × 60 % = 570

        SimulationRecord r = simulate();

        // settled with today's (retired) version for March, the pool pay would be 570 + 570
        assertThat(r.result().baseline().poolPaid()).isEqualTo(Money.parse("1045.00"));
        assertThat(r.result().booked().exact()).isTrue();
    }
}
