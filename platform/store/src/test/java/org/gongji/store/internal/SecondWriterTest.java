package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongji.store.StoreConfig;
import org.gongji.store.StoreTuning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conflict-and-retry path of the group commit, with a real second writer: a second
 * {@link Database} over the same database (as a second node over one PostgreSQL database) commits
 * the same key first. The batch that collides is rolled back, its write runs again alone and then
 * sees what the other writer committed.
 */
class SecondWriterTest {

    @TempDir
    Path tmp;
    Database first;
    Database second;

    @BeforeEach
    void open() {
        StoreConfig config = StoreConfig.derby(tmp.resolve("data"));
        first = Database.open(config, StoreTuning.defaults());
        second = Database.open(config, StoreTuning.defaults());
    }

    @AfterEach
    void close() {
        // the second closes its writers and pool but leaves Derby to the first, which shuts it down
        second.writes().close();
        second.pool().close();
        first.close();
    }

    @Test
    void aKeyCommittedByTheOtherWriterRollsTheBatchBackAndItsWriteRunsAgainAlone() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<String> theFirst = CompletableFuture.supplyAsync(() -> first.write(em -> {
            em.persist(key("k1", "first"));
            em.flush();
            inserted.countDown();
            await(commit);
            return "booked by the first";
        }));
        while (!inserted.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (theFirst.isDone()) {
                theFirst.get(); // its failure
            }
        }

        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> theSecond = CompletableFuture.supplyAsync(() -> second.write(em -> {
            if (attempts.incrementAndGet() > 1) {
                IdempotencyRow found = em.find(IdempotencyRow.class, IdempotencyRow.key("client-1", "k1"));
                if (found != null) {
                    return "found " + found.resultRef;
                }
            }
            // the first attempt inserts without looking, as a write does that looked before the other committed
            em.persist(key("k1", "second"));
            return "booked by the second";
        }));
        commit.countDown();

        assertThat(theFirst.get()).isEqualTo("booked by the first");
        assertThat(theSecond.get()).isEqualTo("found first");
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(second.writes().conflicts()).isEqualTo(1);
        assertThat(first.writes().conflicts()).isZero();
        String stored = first.read(em -> em.find(IdempotencyRow.class, IdempotencyRow.key("client-1", "k1")).resultRef);
        assertThat(stored).isEqualTo("first");
    }

    @Test
    void aWriteThatKeepsCollidingFailsAfterItsAttempts() {
        first.write(em -> {
            em.persist(key("k2", "first"));
            return null;
        });
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<Object> blind = CompletableFuture.supplyAsync(() -> second.write(em -> {
            attempts.incrementAndGet();
            em.persist(key("k2", "second"));
            return null;
        }));

        assertThat(blind).failsWithin(java.time.Duration.ofMinutes(1));
        // once in the batch, then five times alone
        assertThat(attempts.get()).isEqualTo(6);
        assertThat(second.writes().retries()).isEqualTo(4);
    }

    private static IdempotencyRow key(String key, String result) {
        IdempotencyRow row = new IdempotencyRow();
        row.clientId = "client-1";
        row.key = key;
        row.fingerprint = "f";
        row.operation = "test";
        row.resultRef = result;
        row.createdAt = LocalDateTime.of(2024, 6, 15, 10, 0);
        return row;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
