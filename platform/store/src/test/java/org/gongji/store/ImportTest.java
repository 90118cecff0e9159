package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Relation;
import org.gongji.api.region.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTest {

    @TempDir
    Path tmp;

    static Person person(String id, String base, String doctor, List<FamilyMember> family) {
        return new Person(id, "参保人" + id, JIAOZUO, LocalDate.of(1975, 3, 1), PersonCategory.EMPLOYED, null,
                Money.parse(base), doctor, List.of(ChronicRecognition.since("M03900", LocalDate.of(2024, 1, 1))), family);
    }

    static <T> ImportLine<T> line(int n, T value) {
        return new ImportLine<>(n, value, null);
    }

    @Test
    void eachLineLandsOrIsRefusedOnItsOwnAndAnImportedPersonIsAsIfPut() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            ImportResult institutions = store.persons().importInstitutions(List.of(
                    line(1, new Institution("CLINIC", "社区卫生服务中心", JIAOZUO, InstitutionLevel.PRIMARY, false)),
                    line(2, new Institution("FAR", "外省医院", RegionCode.of("990100"), InstitutionLevel.TERTIARY, false)),
                    line(3, Fixtures.tertiary("H1"))), CLERK);
            assertThat(institutions.created()).isEqualTo(2);
            assertThat(institutions.refusals()).singleElement()
                    .satisfies(r -> assertThat(r).extracting(ImportResult.Refusal::line, ImportResult.Refusal::code)
                            .containsExactly(2, ErrorCode.REGION_NOT_DEPLOYED));

            store.persons().putPerson(Fixtures.employed("OLD", List.of()), CLERK);
            ImportResult result = store.persons().importPersons(List.of(
                    line(1, person("NEW", "6000.00", "CLINIC", List.of(new FamilyMember("OLD", Relation.SPOUSE)))),
                    line(2, person("RICH", "100000000.00", null, List.of())),
                    line(3, person("BADDOC", "6000.00", "H1", List.of())),
                    line(4, person("OLD", "7000.00", null, List.of())),
                    line(5, person("NEW", "6500.00", "CLINIC", List.of(new FamilyMember("OLD", Relation.SPOUSE))))),
                    CLERK);

            assertThat(result.created()).isEqualTo(1);
            assertThat(result.updated()).isEqualTo(2); // OLD's base, then NEW's base in a later run
            assertThat(result.refusals()).extracting(ImportResult.Refusal::line, ImportResult.Refusal::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, ErrorCode.OUTSIDE_REGION_LIMITS),
                            org.assertj.core.groups.Tuple.tuple(3, ErrorCode.INVALID_REQUEST));
            assertThat(store.persons().person("RICH")).isEmpty();
            assertThat(store.persons().person("NEW")).get().satisfies(p -> {
                assertThat(p.monthlyContributionBase()).isEqualTo(Money.parse("6500.00"));
                assertThat(p.familyDoctorInstitutionId()).isEqualTo("CLINIC");
                assertThat(p.family()).containsExactly(new FamilyMember("OLD", Relation.SPOUSE));
                assertThat(p.isRecognisedFor("M03900", LocalDate.of(2024, 2, 1))).isTrue();
            });
            // an imported person has an account and is credited like any other: June reads the base in force on
            // June 1st (6000.00, line 1); line 5 changed it to 6500.00 from today, 2024-06-15
            store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 6), CLERK);
            assertThat(store.accounts().statement("NEW").balance()).isEqualTo(Money.parse("120.00"));
            assertThat(store.persons().person("NEW", LocalDate.of(2024, 6, 14)).orElseThrow().monthlyContributionBase())
                    .isEqualTo(Money.parse("6000.00"));
            // the same lines again change nothing
            ImportResult again = store.persons().importPersons(List.of(line(1, person("OLD", "7000.00", null, List.of()))),
                    CLERK);
            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(again.updated()).isZero();
        }
    }

    @Test
    void aChangeInAnImportIsRefusedOnOrBeforeWhatWasBookedLikeAPut() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().importPersons(List.of(line(1, person("P", "6000.00", null, List.of()))), CLERK);
            store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 6), CLERK);
            ImportResult result = store.persons().importPersons(List.of(
                    new ImportLine<>(7, person("P", "8000.00", null, List.of()), LocalDate.of(2024, 6, 1))), CLERK);
            assertThat(result.refusals()).singleElement().extracting(ImportResult.Refusal::line, ImportResult.Refusal::code)
                    .containsExactly(7, ErrorCode.CHANGE_BEFORE_BOOKING);
            assertThat(store.persons().person("P").orElseThrow().monthlyContributionBase()).isEqualTo(Money.parse("6000.00"));
        }
    }

    @Test
    void aThousandLinesAreOneChunkAndAllLand() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            List<ImportLine<Person>> lines = new ArrayList<>();
            for (int i = 1; i <= 1000; i++) {
                lines.add(line(i, person("B" + i, "6000.00", null, List.of())));
            }
            ImportResult result = store.persons().importPersons(lines, CLERK);
            assertThat(result.created()).isEqualTo(1000);
            assertThat(store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 6), CLERK).value().personsCredited())
                    .isEqualTo(1000);
        }
    }
}
