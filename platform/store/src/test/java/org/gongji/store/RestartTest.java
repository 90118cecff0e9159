package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.visit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Relation;
import org.gongji.api.spi.benefit.YearToDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

    @TempDir
    Path tmp;

    @Test
    void aRestartOnTheSameDataKeepsEveryRow() {
        SettlementRecord settled;
        YearToDate ytd;
        AccountStatement account;
        try (OpenStore store = TestStores.fresh(tmp)) {
            Fixtures.personWithCredits(store, "P1", "H1", "2024-01");
            store.persons().putPerson(Fixtures.employed("P2", List.of(new FamilyMember("P1", Relation.PARENT))), CLERK);
            settled = store.settlements().settle(visit("P1", "H1", LocalDate.of(2024, 2, 1), Money.parse("88.88")), CLERK)
                    .value();
            ytd = store.settlements().accumulators("P1", 2024);
            account = store.accounts().statement("P1");
        }
        try (OpenStore store = TestStores.reopen(tmp)) {
            assertThat(store.settlements().settlement(settled.id())).contains(settled);
            assertThat(store.settlements().accumulators("P1", 2024)).isEqualTo(ytd);
            assertThat(store.accounts().statement("P1")).isEqualTo(account);
            assertThat(store.persons().person("P2")).get()
                    .satisfies(p -> assertThat(p.family()).containsExactly(new FamilyMember("P1", Relation.PARENT)));
            assertThat(store.persons().institution("H1")).contains(Fixtures.tertiary("H1"));
        }
    }
}
