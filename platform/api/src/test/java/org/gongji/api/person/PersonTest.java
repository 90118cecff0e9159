package org.gongji.api.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.junit.jupiter.api.Test;

class PersonTest {

    private static Person withRecognitions(ChronicRecognition... recognitions) {
        return new Person("p", "p", RegionCode.of("410800"), LocalDate.of(1960, 1, 1), PersonCategory.EMPLOYED, null,
                Money.ZERO, null, List.of(recognitions), null);
    }

    @Test
    void aRecognitionHoldsFromItsFirstToItsLastDayBothIncluded() {
        Person p = withRecognitions(new ChronicRecognition("M03900", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 8, 31)));
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2024, 2, 29))).isFalse();
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2024, 3, 1))).isTrue();
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2024, 8, 31))).isTrue();
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2024, 9, 1))).isFalse();
    }

    @Test
    void anOpenRecognitionHoldsEveryDayFromItsStartAndOnlyForItsOwnDisease() {
        Person p = withRecognitions(ChronicRecognition.since("M03900", LocalDate.of(2024, 3, 1)));
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2099, 1, 1))).isTrue();
        assertThat(p.isRecognisedFor("E10900", LocalDate.of(2024, 5, 1))).isFalse();
    }

    @Test
    void aDiseaseRecognisedAgainAfterAGapHoldsInBothPeriodsButNotBetween() {
        Person p = withRecognitions(new ChronicRecognition("M03900", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)),
                ChronicRecognition.since("M03900", LocalDate.of(2024, 1, 1)));
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2023, 3, 1))).isTrue();
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2023, 9, 1))).isFalse();
        assertThat(p.isRecognisedFor("M03900", LocalDate.of(2024, 3, 1))).isTrue();
    }

    @Test
    void aRecognitionEndingBeforeItBeginsIsRefused() {
        assertThatThrownBy(() -> new ChronicRecognition("M03900", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlappingPeriodsOfOneDiseaseOverlapAndOfTwoDiseasesDoNot() {
        ChronicRecognition a = new ChronicRecognition("M03900", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        assertThat(a.overlaps(ChronicRecognition.since("M03900", LocalDate.of(2024, 6, 30)))).isTrue();
        assertThat(a.overlaps(ChronicRecognition.since("M03900", LocalDate.of(2024, 7, 1)))).isFalse();
        assertThat(a.overlaps(ChronicRecognition.since("E10900", LocalDate.of(2024, 1, 1)))).isFalse();
    }
}
