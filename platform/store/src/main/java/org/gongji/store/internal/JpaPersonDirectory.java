package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.Booked;
import org.gongji.store.ImportLine;
import org.gongji.store.ImportResult;
import org.gongji.store.ImportUpload;
import org.gongji.store.JobRecord;
import org.gongji.store.PersonDirectory;
import org.gongji.store.PersonVersion;
import org.gongji.store.WriteContext;

final class JpaPersonDirectory implements PersonDirectory {

    private final Database db;
    private final RegionRegistry regions;
    private final Journal journal;
    private final Clock clock;
    /** Runs the imports submitted as jobs; null where the directory serves no jobs (a unit test's). */
    private final JpaJobService jobs;

    JpaPersonDirectory(Database db, RegionRegistry regions, Journal journal, Clock clock) {
        this(db, regions, journal, clock, null);
    }

    JpaPersonDirectory(Database db, RegionRegistry regions, Journal journal, Clock clock, JpaJobService jobs) {
        this.db = db;
        this.regions = regions;
        this.journal = journal;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Monthly contribution base (缴费基数) the region accepts: at least the floor, at most the ceiling. */
    static final String BASE_FLOOR = "contribution.base.floor";
    static final String BASE_CEILING = "contribution.base.ceiling";

    @Override
    public Booked<Person> putPerson(Person person, LocalDate effectiveFrom, WriteContext context) {
        Regions.requireServed(regions, person.region());
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "put-person");
            if (seen.isPresent()) {
                return new Booked<>(Rows.person(em.find(PersonRow.class, seen.get())), true);
            }
            requireFamilyDoctor(em, person);
            PersonRow row = em.find(PersonRow.class, person.id());
            if (row == null) {
                create(em, person, context);
            } else {
                change(em, row, person, effectiveFrom, context, false);
            }
            journal.complete(em, context, person.id());
            return new Booked<>(person, false);
        });
    }

    /** What a write did to a person that existed. */
    enum Change {
        /** Every field as stored: nothing written. */
        UNCHANGED,
        /** Fields that decide no benefit (name, family-doctor contract, recognitions) replaced at once. */
        REPLACED,
        /** A new version from the change's date. */
        VERSIONED,
        /** The latest version corrected on its own day. */
        CORRECTED
    }

    private void create(EntityManager em, Person person, WriteContext context) {
        requireBaseWithinLimits(person, LocalDate.now(clock));
        Instant now = clock.instant();
        PersonRow row = new PersonRow();
        Rows.fill(row, person, now);
        row.versionFrom = person.birthDate();
        em.persist(row);
        AccountRow account = new AccountRow();
        account.personId = person.id();
        account.updatedAt = Rows.utc(now);
        em.persist(account);
        journal.audit(em, context, person.region().value(), "CREATE_PERSON", "person/" + person.id(),
                person.category() + " in " + person.region() + ", base " + person.monthlyContributionBase());
    }

    /**
     * Changes a stored person (see {@link PersonDirectory}); refuses by throwing before it writes
     * anything. {@code quiet}: an unchanged person is not audited (a bulk import line).
     */
    Change change(EntityManager em, PersonRow row, Person person, LocalDate effectiveFrom, WriteContext context,
            boolean quiet) {
        Person before = Rows.person(row);
        if (quiet && before.equals(person)) {
            return Change.UNCHANGED;
        }
        // bookings of the person wait for the change, and the change for them
        Ledger.lock(em, person.id());
        List<String> fixed = new ArrayList<>();
        if (!before.region().equals(person.region())) {
            fixed.add("region " + before.region() + " → " + person.region());
        }
        if (!before.birthDate().equals(person.birthDate())) {
            fixed.add("birthDate " + before.birthDate() + " → " + person.birthDate());
        }
        List<String> dated = datedChanges(before, person);
        Optional<LocalDate> lastBooked = fixed.isEmpty() && dated.isEmpty() ? Optional.empty()
                : PersonVersions.lastBooked(em, person.id());
        if (!fixed.isEmpty() && lastBooked.isPresent()) {
            throw new GongjiException(ErrorCode.CHANGE_BEFORE_BOOKING, "the region and birth date of " + person.id()
                    + " decide everything booked for them (last on " + lastBooked.get() + "): " + String.join(", ", fixed)
                    + " is refused");
        }
        LocalDate versionFrom = row.versionFrom == null || row.versionFrom.equals(row.birthDate)
                ? person.birthDate() // the first version holds from birth, a corrected birth date too
                : row.versionFrom;
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        Instant now = clock.instant();
        Change change = Change.REPLACED;
        if (!dated.isEmpty()) {
            if (from.isBefore(versionFrom)) {
                throw new GongjiException(ErrorCode.CHANGE_BEFORE_VERSION, "the change of " + person.id() + " dated "
                        + from + " is before the version in force from " + versionFrom + "; date it on or after "
                        + versionFrom);
            }
            if (lastBooked.isPresent() && !from.isAfter(lastBooked.get())) {
                throw new GongjiException(ErrorCode.CHANGE_BEFORE_BOOKING, "the change of " + person.id() + " ("
                        + String.join(", ", dated) + ") dated " + from + " would rewrite what was booked for them up to "
                        + lastBooked.get() + "; date it " + lastBooked.get().plusDays(1) + " or later");
            }
            requireBaseWithinLimits(person, from);
            if (from.isAfter(versionFrom)) {
                PersonVersionRow superseded = Rows.version(row, now);
                superseded.versionFrom = versionFrom;
                em.persist(superseded);
                change = Change.VERSIONED;
            } else {
                change = Change.CORRECTED;
            }
            versionFrom = from;
        }
        Rows.fill(row, person, now);
        row.versionFrom = versionFrom;
        String action = switch (change) {
            case VERSIONED -> "CHANGE_PERSON";
            case CORRECTED -> "CORRECT_PERSON";
            default -> "REPLACE_PERSON";
        };
        journal.audit(em, context, person.region().value(), action, "person/" + person.id(), dated.isEmpty()
                ? person.category() + " in " + person.region() + (fixed.isEmpty() ? "" : "; " + String.join(", ", fixed))
                : String.join(", ", dated) + " from " + from + (fixed.isEmpty() ? "" : "; " + String.join(", ", fixed)));
        return change;
    }

    /** What changes of the fields that decide benefits, in words for the audit log. */
    static List<String> datedChanges(Person before, Person after) {
        List<String> changes = new ArrayList<>();
        if (before.category() != after.category()) {
            changes.add("category " + before.category() + " → " + after.category());
        }
        if (!Objects.equals(before.retirementDate(), after.retirementDate())) {
            changes.add("retirementDate " + before.retirementDate() + " → " + after.retirementDate());
        }
        if (!before.monthlyContributionBase().equals(after.monthlyContributionBase())) {
            changes.add("monthlyContributionBase " + before.monthlyContributionBase() + " → " + after.monthlyContributionBase());
        }
        if (!new HashSet<>(before.family()).equals(new HashSet<>(after.family()))) {
            changes.add("family " + family(before) + " → " + family(after));
        }
        return changes;
    }

    private static String family(Person p) {
        return p.family().stream().map(m -> m.relation() + " " + m.personId()).sorted().toList().toString();
    }

    private void requireFamilyDoctor(EntityManager em, Person person) {
        String doctor = person.familyDoctorInstitutionId();
        if (doctor != null) {
            InstitutionRow at = em.find(InstitutionRow.class, doctor);
            if (at == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "no institution " + doctor
                        + " for the family-doctor contract of " + person.id());
            }
            if (!InstitutionLevel.PRIMARY.name().equals(at.level)) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "a family-doctor contract (家庭医生签约) is with a primary"
                        + " institution; " + doctor + " is " + at.level);
            }
        }
    }

    /**
     * A contribution base given (positive) lies between the floor and the ceiling of the region's
     * table (its province's for a city without a bundle) on the date, or on the table's first day for
     * a date before it. A table without these rows sets no limit.
     */
    void requireBaseWithinLimits(Person person, LocalDate date) {
        Money base = person.monthlyContributionBase();
        if (!base.isPositive()) {
            return;
        }
        Optional<Region> serving = regions.find(person.region())
                .or(() -> person.region().parentProvince().flatMap(regions::find));
        if (serving.isEmpty()) {
            return;
        }
        Region region = serving.get();
        LocalDate on = date.isBefore(region.metadata().effectiveFrom()) ? region.metadata().effectiveFrom() : date;
        ParameterTable table = region.parameters();
        Optional<Parameter> floor = table.find(BASE_FLOOR, on);
        Optional<Parameter> ceiling = table.find(BASE_CEILING, on);
        if (floor.isPresent() && base.compareTo((Money) floor.get().value()) < 0) {
            throw outside(person, base, "below the floor " + floor.get().display(), floor.get(), on);
        }
        if (ceiling.isPresent() && base.compareTo((Money) ceiling.get().value()) > 0) {
            throw outside(person, base, "above the ceiling " + ceiling.get().display(), ceiling.get(), on);
        }
    }

    private static GongjiException outside(Person person, Money base, String what, Parameter limit, LocalDate on) {
        return new GongjiException(ErrorCode.OUTSIDE_REGION_LIMITS, "monthlyContributionBase " + base + " of " + person.id()
                + " is " + what + " of region " + person.region() + " on " + on + " (" + limit.key() + "; "
                + limit.citation() + ")");
    }

    @Override
    public Optional<Person> person(String personId) {
        return db.read(em -> Optional.ofNullable(em.find(PersonRow.class, personId)).map(Rows::person));
    }

    @Override
    public Optional<Person> person(String personId, LocalDate date) {
        return db.read(em -> Optional.ofNullable(em.find(PersonRow.class, personId))
                .map(row -> PersonVersions.inForce(em, row, date)));
    }

    @Override
    public List<PersonVersion> versions(String personId) {
        return db.read(em -> Optional.ofNullable(em.find(PersonRow.class, personId))
                .map(row -> PersonVersions.all(em, row)).orElse(List.of()));
    }

    @Override
    public Booked<Institution> putInstitution(Institution institution, WriteContext context) {
        Regions.requireServed(regions, institution.region());
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "put-institution");
            if (seen.isPresent()) {
                return new Booked<>(Rows.institution(em.find(InstitutionRow.class, seen.get())), true);
            }
            InstitutionRow row = em.find(InstitutionRow.class, institution.id());
            boolean created = row == null;
            if (created) {
                row = new InstitutionRow();
                Rows.fill(row, institution, clock.instant());
                em.persist(row);
            } else {
                Rows.fill(row, institution, clock.instant());
            }
            journal.complete(em, context, institution.id());
            journal.audit(em, context, institution.region().value(), created ? "CREATE_INSTITUTION" : "REPLACE_INSTITUTION",
                    "institution/" + institution.id(), institution.level() + " in " + institution.region());
            return new Booked<>(institution, false);
        });
    }

    @Override
    public Optional<Institution> institution(String institutionId) {
        return db.read(em -> Optional.ofNullable(em.find(InstitutionRow.class, institutionId)).map(Rows::institution));
    }

    /** Refusals listed per chunk at most (all are counted). */
    static final int MAX_REFUSALS_LISTED = 10_000;

    @Override
    public ImportResult importPersons(List<ImportLine<Person>> lines, WriteContext context) {
        BulkImport bulk = new BulkImport(this, servedOnce(), journal);
        ImportResult result = ImportResult.EMPTY;
        for (List<ImportLine<Person>> run : BulkImport.runs(lines, Person::id)) {
            ImportResult chunk = db.write(em -> bulk.persons(em, run, context, clock.instant(), LocalDate.now(clock)));
            result = result.plus(chunk, MAX_REFUSALS_LISTED);
        }
        return result;
    }

    @Override
    public ImportResult importInstitutions(List<ImportLine<Institution>> lines, WriteContext context) {
        BulkImport bulk = new BulkImport(this, servedOnce(), journal);
        ImportResult result = ImportResult.EMPTY;
        for (List<ImportLine<Institution>> run : BulkImport.runs(lines, Institution::id)) {
            ImportResult chunk = db.write(em -> bulk.institutions(em, run, context, clock.instant()));
            result = result.plus(chunk, MAX_REFUSALS_LISTED);
        }
        return result;
    }

    @Override
    public ImportUpload<Person> personImport() {
        return new StagedImport<>(jobs, ImportJob.PERSONS);
    }

    @Override
    public ImportUpload<Institution> institutionImport() {
        return new StagedImport<>(jobs, ImportJob.INSTITUTIONS);
    }

    @Override
    public ImportResult importResult(JobRecord job) {
        if (!job.kind().equals(ImportJob.PERSONS) && !job.kind().equals(ImportJob.INSTITUTIONS)) {
            throw new IllegalArgumentException("job " + job.id() + " is no import but " + job.kind());
        }
        return ImportJob.result(db, job.id(), job.result());
    }

    /** The import jobs' handlers: a chunk books its lines in its own transaction, as {@link #importPersons} does. */
    List<JobHandler> importJobs() {
        return List.of(new ImportJob(ImportJob.PERSONS, db, journal, (em, lines, context) -> {
            BulkImport bulk = new BulkImport(this, servedOnce(), journal);
            List<ImportLine<Person>> chunk = lines.stream().map(StoredImportLine::personLine).toList();
            ImportResult result = ImportResult.EMPTY;
            for (List<ImportLine<Person>> run : BulkImport.runs(chunk, Person::id)) {
                result = result.plus(bulk.persons(em, run, context, clock.instant(), LocalDate.now(clock)), Integer.MAX_VALUE);
                em.flush(); // the next run reads what this one wrote
            }
            return result;
        }), new ImportJob(ImportJob.INSTITUTIONS, db, journal, (em, lines, context) -> {
            BulkImport bulk = new BulkImport(this, servedOnce(), journal);
            List<ImportLine<Institution>> chunk = lines.stream().map(StoredImportLine::institutionLine).toList();
            ImportResult result = ImportResult.EMPTY;
            for (List<ImportLine<Institution>> run : BulkImport.runs(chunk, Institution::id)) {
                result = result.plus(bulk.institutions(em, run, context, clock.instant()), Integer.MAX_VALUE);
                em.flush();
            }
            return result;
        }));
    }

    /** {@link Regions#requireServed}, asked once per region code. */
    private BulkImport.RegionsServed servedOnce() {
        java.util.Map<org.gongji.api.region.RegionCode, GongjiException> refused = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<org.gongji.api.region.RegionCode> ok = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return code -> {
            if (ok.contains(code)) {
                return;
            }
            GongjiException known = refused.get(code);
            if (known != null) {
                throw new GongjiException(known.code(), known.getMessage());
            }
            try {
                Regions.requireServed(regions, code);
                ok.add(code);
            } catch (GongjiException e) {
                refused.put(code, e);
                throw e;
            }
        };
    }
}
