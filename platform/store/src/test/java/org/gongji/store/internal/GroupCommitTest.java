package org.gongji.store.internal;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.Booked;
import org.gongji.store.SettlementCommand;
import org.gongji.store.SettlementRecord;
import org.gongji.store.StoreConfig;
import org.gongji.store.StoreTuning;
import org.gongji.store.WriteContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes queued together share one transaction, yet each commits entirely or not at all. */
class GroupCommitTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final RegionCode JIAOZUO = RegionCode.of("410800");
    static final WriteContext CLERK = WriteContext.by("test-clerk");

    @TempDir
    Path tmp;

    final MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
    final Journal journal = new Journal(CLOCK);
    Database db;
    JpaSettlementService settlements;

    @BeforeEach
    void open() {
        open(StoreTuning.DEFAULT_WRITE_BATCH);
        JpaPersonDirectory persons = new JpaPersonDirectory(db, regions, journal, CLOCK);
        persons.putInstitution(new Institution("H1", "焦作市人民医院", JIAOZUO, InstitutionLevel.TERTIARY, false), CLERK);
        for (String id : List.of("P1", "P2")) {
            persons.putPerson(new Person(id, "职工" + id, JIAOZUO, LocalDate.of(1980, 5, 1), PersonCategory.EMPLOYED,
                    null, Money.ofYuan(6000), null, null, List.of()), CLERK);
        }
        try (JpaJobService jobs = new JpaJobService(db, journal, CLOCK)) {
            jobs.register(new CreditingJob(db, regions, journal, CLOCK, CreditingJob.CHUNK));
            jobs.start();
            new JpaAccountService(db, regions, journal, CLOCK, jobs).creditMonth(JIAOZUO, YearMonth.of(2024, 5), CLERK);
        }
    }

    private void open(int writeBatch) {
        db = Database.open(StoreConfig.derby(tmp.resolve("data")), StoreTuning.defaults().withWriteBatch(writeBatch));
        settlements = new JpaSettlementService(db, regions, journal, CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * 焦政办〔2022〕22号 二(一): the general-outpatient pool pays 50 % above the 50.00 deductible at a
     * tertiary hospital, at most 1,300.00 a year; 1,000.00 visits get 475.00, 475.00, then 350.00.
     */
    @Test
    void aRefusalInABatchBooksNothingOfItselfAndLeavesTheOthersCommitted() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long commitsBefore = db.writes().commits();
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> db.write(em -> {
            held.countDown();
            await(release);
            return null;
        }));
        held.await();

        List<CompletableFuture<Booked<SettlementRecord>>> queued = new ArrayList<>();
        queued.add(queue(() -> settlements.settle(visit("P1", "H1"), keyed("k1", "first"))));
        queued.add(queue(() -> settlements.settle(visit("P1", "H1"), keyed("k2", "second"))));
        queued.add(queue(() -> settlements.settle(visit("P2", "NO-SUCH-HOSPITAL"), keyed("refused", "third"))));
        queued.add(queue(() -> settlements.settle(visit("P1", "H1"), keyed("k4", "fourth"))));
        queued.add(queue(() -> settlements.settle(visit("P1", "H1"), keyed("k1", "first"))));
        queued.add(queue(() -> settlements.settle(visit("P2", "H1"), keyed("k6", "sixth"))));
        release.countDown();
        holder.get();

        assertThatThrownBy(() -> queued.get(2).get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(GongjiException.class)
                .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.UNKNOWN_INSTITUTION);
        List<SettlementRecord> p1 = List.of(queued.get(0).get().value(), queued.get(1).get().value(),
                queued.get(3).get().value());
        assertThat(p1).extracting(s -> s.breakdown().poolPaid())
                .containsExactly(Money.parse("475.00"), Money.parse("475.00"), Money.parse("350.00"));
        assertThat(settlements.accumulators("P1", 2024).usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(3);
        assertThat(queued.get(4).get().replayed()).isTrue();
        assertThat(queued.get(4).get().value().id()).isEqualTo(p1.get(0).id());
        assertThat(queued.get(5).get().value().breakdown().poolPaid()).isEqualTo(Money.parse("475.00"));
        assertThat(settlements.accumulators("P2", 2024).usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(1);

        // the refused write's idempotency key and audit row were flushed in the batch, then rolled back
        IdempotencyRow refusedKey = db.read(em -> em.find(IdempotencyRow.class, IdempotencyRow.key(null, "refused")));
        long refusedAudits = db.read(em -> em.createQuery(
                "SELECT COUNT(a) FROM AuditRow a WHERE a.idempotencyKey = 'refused'", Long.class).getSingleResult());
        long settlementRows = db.read(em -> em.createQuery("SELECT COUNT(s) FROM SettlementRow s", Long.class)
                .getSingleResult());
        assertThat(refusedKey).isNull();
        assertThat(refusedAudits).isZero();
        assertThat(settlementRows).isEqualTo(4);
        // the holder alone, then the five others after the refused one was taken out
        assertThat(db.writes().commits() - commitsBefore).isEqualTo(2);
    }

    @Test
    void aRefusedWriteInABatchMakesNoOtherWriteRunAgain() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long commitsBefore = db.writes().commits();
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> db.write(em -> {
            held.countDown();
            await(release);
            return null;
        }));
        held.await();
        java.util.concurrent.atomic.AtomicInteger[] runs = new java.util.concurrent.atomic.AtomicInteger[5];
        List<CompletableFuture<Object>> queued = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            int n = i;
            runs[n] = new java.util.concurrent.atomic.AtomicInteger();
            queued.add(queue(() -> db.write(em -> {
                runs[n].incrementAndGet();
                journal.audit(em, CLERK, "WRITE", "write/" + n, "one of five");
                em.flush(); // its row reaches the database before it is refused
                if (n == 2) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "the third write is refused");
                }
                return n;
            })));
        }
        release.countDown();
        holder.get();

        assertThatThrownBy(() -> queued.get(2).get()).cause().isInstanceOf(GongjiException.class)
                .hasMessage("the third write is refused");
        for (int i : List.of(0, 1, 3, 4)) {
            assertThat(queued.get(i).get()).isEqualTo(i);
        }
        assertThat(runs).allSatisfy(r -> assertThat(r.get()).isEqualTo(1));
        List<String> written = db.read(em -> em.createQuery("SELECT a.target FROM AuditRow a WHERE a.action = 'WRITE'"
                + " ORDER BY a.target", String.class).getResultList());
        assertThat(written).containsExactly("write/0", "write/1", "write/3", "write/4");
        // the holder, then the five in one transaction
        assertThat(db.writes().commits() - commitsBefore).isEqualTo(2);
    }

    @Test
    void aWriteThatFailsOtherwiseReachesOnlyItsCaller() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> db.write(em -> {
            held.countDown();
            await(release);
            return null;
        }));
        held.await();
        CompletableFuture<Booked<SettlementRecord>> before = queue(() -> settlements.settle(visit("P1", "H1"), CLERK));
        CompletableFuture<Object> failing = queue(() -> db.write(em -> {
            new Journal(CLOCK).audit(em, CLERK, "DOOMED", "nothing", "written, then the write fails");
            em.flush();
            throw new IllegalStateException("a bug after the first row");
        }));
        CompletableFuture<Booked<SettlementRecord>> after = queue(() -> settlements.settle(visit("P2", "H1"), CLERK));
        release.countDown();
        holder.get();

        assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug after the first row");
        long doomed = db.read(em -> em.createQuery("SELECT COUNT(a) FROM AuditRow a WHERE a.action = 'DOOMED'",
                Long.class).getSingleResult());
        assertThat(doomed).isZero();
        assertThat(before.get().value().breakdown().poolPaid()).isEqualTo(Money.parse("475.00"));
        assertThat(after.get().value().breakdown().poolPaid()).isEqualTo(Money.parse("475.00"));
    }

    @Test
    void writesBeyondTheConfiguredBatchWaitForTheNextTransaction() throws Exception {
        db.close();
        open(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long commitsBefore = db.writes().commits();
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> db.write(em -> {
            held.countDown();
            await(release);
            return null;
        }));
        held.await();
        List<CompletableFuture<Booked<SettlementRecord>>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(queue(() -> settlements.settle(visit("P1", "H1"), CLERK)));
        }
        release.countDown();
        holder.get();

        assertThat(queued.get(4).get().value().breakdown().poolPaid()).isEqualTo(Money.ZERO);
        // the holder, then 2 + 2 + 1
        assertThat(db.writes().commits() - commitsBefore).isEqualTo(4);
        assertThat(settlements.accumulators("P1", 2024).usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(5);
    }

    /** Starts {@code write} in its own thread and returns once it waits in the writer's queue. */
    private <T> CompletableFuture<T> queue(Supplier<T> write) throws InterruptedException {
        int before = db.writes().queued();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(write.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        thread.start();
        while (db.writes().queued() == before) {
            Thread.sleep(1);
        }
        return result;
    }

    private static SettlementCommand visit(String personId, String institutionId) {
        return new SettlementCommand(personId, institutionId, LocalDate.of(2024, 6, 1), MedicalType.GENERAL_OUTPATIENT,
                null, true, List.of(FeeLine.classA("A001", Money.parse("1000.00"))));
    }

    private static WriteContext keyed(String key, String body) {
        return WriteContext.keyed(key, body, "test-clerk");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
