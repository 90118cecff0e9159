package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.visit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentSettlementTest {

    static final int THREADS = 16;
    static final int VISITS_EACH = 4;

    @TempDir
    Path tmp;

    /**
     * 焦政办〔2022〕22号 二(一): an employed person's general-outpatient pool pay stops at 1,300.00 a
     * year. 64 visits of 1,000.00 at a tertiary hospital would each get 475.00.
     */
    @Test
    void sixteenThreadsSettlingForOnePersonNeverPassTheCapAndLoseNoUpdate() throws Exception {
        try (OpenStore store = TestStores.fresh(tmp)) {
            Fixtures.personWithCredits(store, "P1", "H1", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05");
            Money initialBalance = store.accounts().statement("P1").balance();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<SettlementRecord>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit((Callable<List<SettlementRecord>>) () -> {
                    start.await();
                    List<SettlementRecord> mine = new ArrayList<>();
                    for (int i = 0; i < VISITS_EACH; i++) {
                        mine.add(store.settlements().settle(
                                visit("P1", "H1", LocalDate.of(2024, 6, 1), Money.parse("1000.00")), CLERK).value());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<SettlementRecord> all = new ArrayList<>();
            for (Future<List<SettlementRecord>> f : futures) {
                all.addAll(f.get());
            }
            pool.shutdown();

            Money pooled = all.stream().map(s -> s.breakdown().poolPaid()).reduce(Money.ZERO, Money::plus);
            Money fromAccount = all.stream().map(s -> s.breakdown().accountPaid()).reduce(Money.ZERO, Money::plus);
            Usage used = store.settlements().accumulators("P1", 2024).usage(Benefit.GENERAL_OUTPATIENT);
            assertThat(all).hasSize(THREADS * VISITS_EACH);
            assertThat(pooled).isEqualTo(Money.parse("1300.00"));
            assertThat(used.poolPaid()).isEqualTo(pooled);
            assertThat(used.visits()).isEqualTo(THREADS * VISITS_EACH);
            assertThat(used.deductiblePaid()).isEqualTo(Money.parse("50.00").times(
                    new org.gongji.api.money.Ratio(THREADS * VISITS_EACH * 10_000)));
            AccountStatement account = store.accounts().statement("P1");
            assertThat(account.balance()).isEqualTo(initialBalance.minus(fromAccount));
            assertThat(account.balance().isNegative()).isFalse();
        }
    }

    /** API.md: the same Idempotency-Key with the same body returns the first result, however many arrive at once. */
    @Test
    void sixteenThreadsRetryingOneKeyBookOneSettlement() throws Exception {
        try (OpenStore store = TestStores.fresh(tmp)) {
            Fixtures.personWithCredits(store, "P1", "H1", "2024-01");
            WriteContext keyed = WriteContext.keyed("retry-1", "POST /settlements {300}", "his");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Booked<SettlementRecord>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 6, 1), Money.parse("300.00")), keyed);
                }));
            }
            start.countDown();
            List<Booked<SettlementRecord>> all = new ArrayList<>();
            for (Future<Booked<SettlementRecord>> f : futures) {
                all.add(f.get());
            }
            pool.shutdown();

            assertThat(all).extracting(b -> b.value().id()).containsOnly(all.get(0).value().id());
            assertThat(all).filteredOn(b -> !b.replayed()).hasSize(1);
            assertThat(store.settlements().accumulators("P1", 2024).usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(1);
        }
    }
}
