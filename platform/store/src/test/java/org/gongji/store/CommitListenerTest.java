package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.visit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongji.api.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics' view of the group commit: told of each commit until its subscription is closed. */
class CommitListenerTest {

    @TempDir
    Path tmp;

    @Test
    void aListenerIsToldOfEveryCommitUntilItsSubscriptionCloses() throws InterruptedException {
        try (OpenStore store = TestStores.fresh(tmp)) {
            Fixtures.personWithCredits(store, "P1", "H1", "2024-01");
            AtomicInteger writes = new AtomicInteger();
            CountDownLatch told = new CountDownLatch(1);
            StoreMonitor monitor = store.monitor().orElseThrow();
            StoreMonitor.Subscription subscription = monitor.onCommit((n, nanos) -> {
                writes.addAndGet(n);
                told.countDown();
            });

            store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 2, 1), Money.parse("10.00")), CLERK);
            // listeners are told after the writes are answered: wait for it
            assertThat(told.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(writes.get()).isEqualTo(1);

            subscription.close();
            CountDownLatch other = new CountDownLatch(1);
            try (StoreMonitor.Subscription second = monitor.onCommit((n, nanos) -> other.countDown())) {
                store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 2, 2), Money.parse("10.00")), CLERK);
                // the listener still subscribed has been told of that commit: the closed one would have been too
                assertThat(other.await(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(writes.get()).isEqualTo(1);
        }
    }
}
