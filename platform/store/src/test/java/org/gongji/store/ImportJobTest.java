package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.Relation;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.internal.JpaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports as jobs: staged lines, chunks of 1000, the synchronous answer, a job resumed after a stop. */
class ImportJobTest {

    @TempDir
    Path tmp;

    private static Person person(String id, String base) {
        return ImportTest.person(id, base, null, List.of());
    }

    /** Lines 1..n: every seventh refused as it was read, every eleventh over the contribution ceiling. */
    private static void stage(ImportUpload<Person> upload, int n) {
        for (int i = 1; i <= n; i++) {
            if (i % 7 == 0) {
                upload.refuse(new ImportResult.Refusal(i, ErrorCode.MALFORMED_JSON, "line " + i + " is not JSON"));
            } else {
                upload.add(new ImportLine<>(i, person(String.format("J%05d", i), i % 11 == 0 ? "100000000.00" : "6000.00"),
                        null));
            }
        }
    }

    private static int refusedOf(int n) {
        int refused = 0;
        for (int i = 1; i <= n; i++) {
            if (i % 7 == 0 || i % 11 == 0) {
                refused++;
            }
        }
        return refused;
    }

    @Test
    void anImportJobBooksItsLinesInChunksAndAnswersAsTheSynchronousImport() {
        int lines = 2_500;
        try (OpenStore store = TestStores.fresh(tmp)) {
            JobRecord submitted;
            try (ImportUpload<Person> upload = store.persons().personImport()) {
                stage(upload, lines);
                submitted = upload.submit(JIAOZUO, CLERK).value();
            }
            assertThat(submitted.kind()).isEqualTo("person-import");

            JobRecord done = store.jobs().awaitDone(submitted.id());
            ImportResult result = store.persons().importResult(done);

            assertThat(done.done()).isEqualTo(lines);
            assertThat(done.total()).isEqualTo(lines);
            assertThat(result.refused()).isEqualTo(refusedOf(lines));
            assertThat(result.created()).isEqualTo(lines - refusedOf(lines));
            assertThat(result.refusals()).hasSize(refusedOf(lines));
            assertThat(result.refusals().get(0)).extracting(ImportResult.Refusal::line, ImportResult.Refusal::code)
                    .containsExactly(7, ErrorCode.MALFORMED_JSON);
            assertThat(result.refusals().get(1)).extracting(ImportResult.Refusal::line, ImportResult.Refusal::code)
                    .containsExactly(11, ErrorCode.OUTSIDE_REGION_LIMITS);
            assertThat(store.persons().person("J00001")).isPresent();
            assertThat(store.persons().person("J00011")).isEmpty();
            assertThat(store.accounts().statement("J02500").balance().fen()).isZero();
        }
    }

    @Test
    void aLaterLineOfTheSameJobChangesWhatAnEarlierOneWroteAndInstitutionsImportAlike() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            JobRecord institutions;
            try (ImportUpload<Institution> upload = store.persons().institutionImport()) {
                upload.add(new ImportLine<>(1, new Institution("CLINIC", "社区卫生服务中心", JIAOZUO, InstitutionLevel.PRIMARY,
                        false), null));
                upload.add(new ImportLine<>(2, new Institution("CLINIC", "社区卫生服务中心(新址)", JIAOZUO,
                        InstitutionLevel.PRIMARY, false), null));
                institutions = upload.submit(JIAOZUO, CLERK).value();
            }
            ImportResult i = store.persons().importResult(store.jobs().awaitDone(institutions.id()));
            assertThat(List.of(i.created(), i.updated(), i.refused())).containsExactly(1, 1, 0);
            assertThat(store.persons().institution("CLINIC").orElseThrow().name()).isEqualTo("社区卫生服务中心(新址)");

            JobRecord persons;
            try (ImportUpload<Person> upload = store.persons().personImport()) {
                upload.add(new ImportLine<>(1, ImportTest.person("A", "6000.00", "CLINIC", List.of()), null));
                upload.add(new ImportLine<>(2, ImportTest.person("B", "6000.00", null,
                        List.of(new FamilyMember("A", Relation.SPOUSE))), null));
                upload.add(new ImportLine<>(3, person("A", "7000.00"), LocalDate.of(2024, 6, 1)));
                persons = upload.submit(JIAOZUO, CLERK).value();
            }
            ImportResult p = store.persons().importResult(store.jobs().awaitDone(persons.id()));
            assertThat(List.of(p.created(), p.updated(), p.refused())).as(p.toString()).containsExactly(2, 1, 0);
            assertThat(store.persons().person("A").orElseThrow().monthlyContributionBase()).isEqualTo(Money.parse("7000.00"));
            assertThat(store.persons().person("B").orElseThrow().family()).extracting(FamilyMember::personId)
                    .containsExactly("A");
        }
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstJobAndImportsNothingTwice() {
        WriteContext keyed = WriteContext.keyed("import-1", "sha256:abc", "clerk");
        try (OpenStore store = TestStores.fresh(tmp)) {
            Booked<JobRecord> first;
            try (ImportUpload<Person> upload = store.persons().personImport()) {
                upload.add(new ImportLine<>(1, person("K1", "6000.00"), null));
                first = upload.submit(JIAOZUO, keyed);
            }
            store.jobs().awaitDone(first.value().id());
            Booked<JobRecord> again;
            try (ImportUpload<Person> upload = store.persons().personImport()) {
                upload.add(new ImportLine<>(1, person("K1", "6000.00"), null));
                again = upload.submit(JIAOZUO, keyed);
            }

            assertThat(first.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.value().id()).isEqualTo(first.value().id());
            assertThat(store.persons().importResult(store.jobs().awaitDone(again.value().id())).created()).isEqualTo(1);
        }
    }

    @Test
    void anImportJobStoppedMidwayResumesOnTheNextStartAndWritesEveryLineOnce() throws Exception {
        MapRegionRegistry regions = TestStores.jiaozuo();
        int lines = 8_000;
        String jobId;
        try (OpenStore store = JpaStore.open(TestStores.freshConfig(tmp), regions, TestStores.CLOCK)) {
            try (ImportUpload<Person> upload = store.persons().personImport()) {
                stage(upload, lines);
                jobId = upload.submit(JIAOZUO, CLERK).value().id();
            }
            while (store.jobs().find(jobId).orElseThrow().done() < 1_000) {
                Thread.sleep(1);
            }
        }
        JobRecord stopped;
        try (OpenStore store = JpaStore.open(TestStores.config(tmp), regions, TestStores.CLOCK)) {
            stopped = store.jobs().find(jobId).orElseThrow();
            JobRecord done = store.jobs().awaitDone(jobId);
            ImportResult result = store.persons().importResult(done);

            assertThat(done.done()).isEqualTo(lines);
            assertThat(result.created()).isEqualTo(lines - refusedOf(lines));
            assertThat(result.updated()).as("no line written twice").isZero();
            assertThat(result.unchanged()).isZero();
            assertThat(result.refusals()).hasSize(refusedOf(lines));
            assertThat(store.persons().person(String.format("J%05d", lines - 1))).isPresent();
        }
        assertThat(stopped.status()).as("stopped mid-way, not finished").isNotEqualTo(JobStatus.DONE);
        assertThat(stopped.done()).isLessThan(lines);
    }
}
