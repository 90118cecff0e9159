package org.gongji.store;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;
import static org.gongji.store.SettlementBookingTest.assertCode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.LedgerEntry.EntryKind;
import org.gongji.store.internal.JpaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account crediting as a job: chunks, progress, a resumed job, a province's served cities. */
class JobTest {

    static final YearMonth MARCH = YearMonth.of(2024, 3);

    @TempDir
    Path tmp;

    private static OpenStore open(Path tmp, MapRegionRegistry regions, int chunk) {
        return JpaStore.open(TestStores.freshConfig(tmp), regions, TestStores.CLOCK, 64, chunk);
    }

    /** Opens the store of an earlier {@link #open} again, as a restart would. */
    private static OpenStore reopen(Path tmp, MapRegionRegistry regions, int chunk) {
        return JpaStore.open(TestStores.config(tmp), regions, TestStores.CLOCK, 64, chunk);
    }

    private static void employed(Store store, String id, RegionCode region) {
        store.persons().putPerson(new Person(id, "职工" + id, region, LocalDate.of(1980, 5, 1), PersonCategory.EMPLOYED, null,
                Money.ofYuan(6000), null, null, List.of()), CLERK);
    }

    @Test
    void aCreditingJobReportsItsProgressAndTheSynchronousAnswer() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            for (int i = 1; i <= 5; i++) {
                employed(store, "P" + i, JIAOZUO);
            }
            JobRecord submitted = store.accounts().submitCrediting(JIAOZUO, MARCH, CLERK).value();
            assertThat(submitted.kind()).isEqualTo("account-credit");
            assertThat(submitted.region()).isEqualTo(JIAOZUO);

            JobRecord done = store.jobs().await(submitted.id());

            assertThat(done.status()).isEqualTo(JobStatus.DONE);
            assertThat(done.done()).isEqualTo(5);
            assertThat(done.total()).isEqualTo(5);
            assertThat(done.startedAt()).isNotNull();
            assertThat(done.finishedAt()).isNotNull();
            // 2% × 6000.00 a person (ASSUMPTION row of Jiaozuo)
            CreditingResult result = store.accounts().creditingResult(done);
            assertThat(result.personsCredited()).isEqualTo(5);
            assertThat(result.totalCredited()).isEqualTo(Money.parse("600.00"));
            assertThat(result.month()).isEqualTo(MARCH);
            assertThat(store.jobs().find(submitted.id())).contains(done);
        }
    }

    @Test
    void aRefusedCreditingStoresNoJob() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            // the test clock reads 15 June 2024
            assertCode(() -> store.accounts().submitCrediting(JIAOZUO, YearMonth.of(2024, 7), CLERK), ErrorCode.DATE_IN_FUTURE);
            assertCode(() -> store.accounts().submitCrediting(RegionCode.of("370100"), MARCH, CLERK),
                    ErrorCode.REGION_NOT_DEPLOYED);
        }
    }

    @Test
    void aJobStoppedMidwayResumesOnTheNextStartAndCreditsEveryoneOnce() throws Exception {
        MapRegionRegistry regions = TestStores.jiaozuo();
        int persons = 40;
        String jobId;
        try (OpenStore store = open(tmp, regions, 1)) {
            for (int i = 0; i < persons; i++) {
                employed(store, String.format("P%03d", i), JIAOZUO);
            }
            jobId = store.accounts().submitCrediting(JIAOZUO, MARCH, CLERK).value().id();
            while (store.jobs().find(jobId).orElseThrow().done() < 5) {
                Thread.sleep(1);
            }
        }
        JobRecord stopped;
        try (OpenStore store = reopen(tmp, regions, 1000)) {
            stopped = store.jobs().find(jobId).orElseThrow();
            JobRecord done = store.jobs().await(jobId);

            assertThat(done.status()).isEqualTo(JobStatus.DONE);
            assertThat(done.done()).isEqualTo(persons);
            CreditingResult result = store.accounts().creditingResult(done);
            assertThat(result.personsCredited()).isEqualTo(persons);
            assertThat(result.totalCredited()).isEqualTo(Money.ofFen(12_000L * persons));
            for (int i = 0; i < persons; i++) {
                AccountStatement account = store.accounts().statement(String.format("P%03d", i));
                assertThat(account.entries()).singleElement().extracting(LedgerEntry::kind).isEqualTo(EntryKind.MONTHLY_CREDIT);
                assertThat(account.balance()).isEqualTo(Money.parse("120.00"));
            }
            // a second run finds everyone credited
            CreditingResult again = store.accounts().creditMonth(JIAOZUO, MARCH, CLERK).value();
            assertThat(again.personsCredited()).isZero();
            assertThat(again.personsAlreadyCredited()).isEqualTo(persons);
        }
        assertThat(stopped.status()).as("stopped mid-way, not finished").isNotEqualTo(JobStatus.DONE);
    }

    @Test
    void aProvinceRunCreditsThePersonsOfItsCitiesServedByItsRules() {
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/620000-gansu.txt"));
        RegionCode gansu = RegionCode.of("620000");
        RegionCode lanzhou = RegionCode.of("620100");
        try (OpenStore store = open(tmp, regions, 2)) {
            employed(store, "G1", gansu);
            employed(store, "L1", lanzhou);
            employed(store, "L2", lanzhou);

            CreditingResult result = store.accounts().creditMonth(gansu, MARCH, CLERK).value();

            // 甘政办发〔2021〕111号 第十五条: 2% of the contribution base, 6000.00 → 120.00
            assertThat(result.personsCredited()).isEqualTo(3);
            assertThat(result.totalCredited()).isEqualTo(Money.parse("360.00"));
            assertThat(store.accounts().statement("L2").balance()).isEqualTo(Money.parse("120.00"));
        }
    }
}
