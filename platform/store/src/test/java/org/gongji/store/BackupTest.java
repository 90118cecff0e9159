package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.visit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.YearToDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derby's online backup while settlements are booked: a store opened on the restored copy has
 * every settlement acknowledged before the backup began, with its amounts, and nothing half-booked.
 */
class BackupTest {

    @TempDir
    Path tmp;

    @Test
    void aRestoredBackupHasEverySettlementBookedBeforeItWithItsAmounts() throws Exception {
        if (TestStores.onPostgres()) {
            try (OpenStore store = TestStores.fresh(tmp)) {
                assertThatThrownBy(() -> store.backups().backUp(null)).isInstanceOf(GongjiException.class)
                        .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.BACKUP_USE_PG_DUMP);
            }
            return;
        }
        List<SettlementRecord> before = new ArrayList<>();
        List<SettlementRecord> during = new CopyOnWriteArrayList<>();
        YearToDate ytdBefore;
        Backups.Backup backup;
        try (OpenStore store = TestStores.fresh(tmp)) {
            Fixtures.personWithCredits(store, "P1", "H1", "2024-01");
            Fixtures.personWithCredits(store, "P2", "H1", "2024-01");
            for (int day = 1; day <= 20; day++) {
                before.add(store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 2, day), Money.parse("88.88")), CLERK)
                        .value());
            }
            ytdBefore = store.settlements().accumulators("P1", 2024);
            AtomicBoolean backingUp = new AtomicBoolean(true);
            Thread booking = new Thread(() -> {
                int day = 1;
                while (backingUp.get() && day <= 28) {
                    during.add(store.settlements().settle(visit("P2", "H1", LocalDate.of(2024, 3, day++), Money.parse("12.34")),
                            CLERK).value());
                }
            });
            booking.start();
            try {
                backup = store.backups().backUp("nightly-1");
            } finally {
                backingUp.set(false);
                booking.join();
            }
            assertThat(backup.folder()).isEqualTo(tmp.resolve("data/backups/nightly-1").toAbsolutePath());
            assertThat(backup.bytes()).isPositive();
            // booked after the backup: not in it
            store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 4, 1), Money.parse("99.99")), CLERK);
        }

        Path restored = tmp.resolve("restored/data");
        copy(backup.folder().resolve("db"), restored.resolve("db"));
        try (OpenStore copy = Stores.open(StoreConfig.derby(restored), TestStores.jiaozuo(), TestStores.CLOCK)) {
            for (SettlementRecord s : before) {
                assertThat(copy.settlements().settlement(s.id())).as(s.id()).contains(s);
            }
            assertThat(copy.settlements().accumulators("P1", 2024)).isEqualTo(ytdBefore);
            // booked while the backup ran: wholly in the copy or wholly not, accumulators to match
            for (SettlementRecord s : during) {
                var found = copy.settlements().settlement(s.id());
                found.ifPresent(f -> assertThat(f).isEqualTo(s));
            }
            long kept = during.stream().filter(s -> copy.settlements().settlement(s.id()).isPresent()).count();
            assertThat(copy.settlements().accumulators("P2", 2024).usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(kept);
        }
    }

    @Test
    void aBackupNeverLeavesTheBackupsFolderNorOverwritesAnother() {
        if (TestStores.onPostgres()) {
            return;
        }
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.backups().backUp("one");
            for (String name : List.of("..", ".", "../db", "/tmp/x", "a/b", "")) {
                assertThatThrownBy(() -> store.backups().backUp(name)).as(name).isInstanceOf(GongjiException.class)
                        .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            }
            assertThatThrownBy(() -> store.backups().backUp("one")).isInstanceOf(GongjiException.class)
                    .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.BACKUP_EXISTS);
            Backups.Backup dated = store.backups().backUp(null);
            assertThat(dated.name()).matches("\\d{8}-\\d{6}");
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
