package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.visit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongji.api.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics' view of the group commit: told of each commit until its subscription is closed. */
class CommitListenerTest {

    @TempDir
    Path tmp;

    @Test
    void aListenerIsToldOfEveryCommitUntilItsSubscriptionCloses() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            Fixtures.personWithCredits(store, "P1", "H1", "2024-01");
            AtomicInteger writes = new AtomicInteger();
            StoreMonitor.Subscription subscription = store.monitor().orElseThrow()
                    .onCommit((n, nanos) -> writes.addAndGet(n));

            store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 2, 1), Money.parse("10.00")), CLERK);
            assertThat(writes.get()).isEqualTo(1);

            subscription.close();
            store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 2, 2), Money.parse("10.00")), CLERK);
            assertThat(writes.get()).isEqualTo(1);
        }
    }
}
