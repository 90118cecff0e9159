package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognitionTest {

    @TempDir
    Path tmp;

    static Person recognised(String id, List<ChronicRecognition> recognitions) {
        return new Person(id, "慢病" + id, JIAOZUO, LocalDate.of(1960, 5, 1), PersonCategory.EMPLOYED, null,
                Money.ofYuan(6000), null, recognitions, List.of());
    }

    @Test
    void datedRecognitionsAreKeptWithTheirDatesAcrossARestart() {
        List<ChronicRecognition> recognitions = List.of(
                new ChronicRecognition("M03900", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)),
                ChronicRecognition.since("M03900", LocalDate.of(2024, 1, 1)),
                ChronicRecognition.since("E10900", LocalDate.of(2024, 3, 1)));
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putPerson(recognised("P1", recognitions), CLERK);
        }
        try (OpenStore store = TestStores.reopen(tmp)) {
            Person p = store.persons().person("P1").orElseThrow();
            assertThat(p.chronicDiseases()).containsExactlyInAnyOrderElementsOf(recognitions);
            assertThat(p.isRecognisedFor("M03900", LocalDate.of(2023, 9, 1))).isFalse();
            assertThat(p.isRecognisedFor("M03900", LocalDate.of(2024, 2, 1))).isTrue();
        }
    }

    @Test
    void aChronicVisitBeforeTheRecognitionBeginsIsRefusedAndBooksNothing() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putInstitution(Fixtures.tertiary("H1"), CLERK);
            store.persons().putPerson(recognised("P1", List.of(ChronicRecognition.since("M03900", LocalDate.of(2024, 3, 1)))),
                    CLERK);
            SettlementCommand before = new SettlementCommand("P1", "H1", LocalDate.of(2024, 2, 20),
                    MedicalType.CHRONIC_OUTPATIENT, "M03900", true, List.of(FeeLine.classA("A001", Money.ofYuan(100))));
            assertThatThrownBy(() -> store.settlements().settle(before, CLERK))
                    .isInstanceOfSatisfying(GongjiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DISEASE_NOT_RECOGNISED));
            assertThat(store.settlements().accumulators("P1", 2024).fundCapUsed()).isEqualTo(Money.ZERO);
        }
    }
}
