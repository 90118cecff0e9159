package org.gongji.store.internal;

import java.time.Clock;
import java.util.Optional;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.person.Person;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.Booked;
import org.gongji.store.PersonDirectory;
import org.gongji.store.WriteContext;

final class JpaPersonDirectory implements PersonDirectory {

    private final Database db;
    private final RegionRegistry regions;
    private final Journal journal;
    private final Clock clock;

    JpaPersonDirectory(Database db, RegionRegistry regions, Journal journal, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public Booked<Person> putPerson(Person person, WriteContext context) {
        Regions.requireServed(regions, person.region());
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "put-person");
            if (seen.isPresent()) {
                return new Booked<>(Rows.person(em.find(PersonRow.class, seen.get())), true);
            }
            String doctor = person.familyDoctorInstitutionId();
            if (doctor != null) {
                InstitutionRow at = em.find(InstitutionRow.class, doctor);
                if (at == null) {
                    throw new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "no institution " + doctor
                            + " for the family-doctor contract of " + person.id());
                }
                if (!org.gongji.api.institution.InstitutionLevel.PRIMARY.name().equals(at.level)) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "a family-doctor contract (家庭医生签约) is with a primary"
                            + " institution; " + doctor + " is " + at.level);
                }
            }
            PersonRow row = em.find(PersonRow.class, person.id());
            boolean created = row == null;
            if (created) {
                row = new PersonRow();
                Rows.fill(row, person, clock.instant());
                em.persist(row);
                AccountRow account = new AccountRow();
                account.personId = person.id();
                account.updatedAt = Rows.utc(clock.instant());
                em.persist(account);
            } else {
                Rows.fill(row, person, clock.instant());
            }
            journal.complete(em, context, person.id());
            journal.audit(em, context, person.region().value(), created ? "CREATE_PERSON" : "REPLACE_PERSON", "person/" + person.id(),
                    person.category() + " in " + person.region());
            return new Booked<>(person, false);
        });
    }

    @Override
    public Optional<Person> person(String personId) {
        return db.read(em -> Optional.ofNullable(em.find(PersonRow.class, personId)).map(Rows::person));
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
}
