package org.gongji.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongji.api.institution.Institution;
import org.gongji.api.person.Person;

/**
 * Insured persons and designated institutions.
 *
 * <p>What decides a person's benefits (category, retirement date, contribution base, family) is
 * dated: a change applies from its date and never rewrites the inputs of what was booked before. A
 * settlement and a monthly credit read the person's version in force on their date (a credit: the
 * month's first day). A change dated on or before anything booked for the person (a settlement, an
 * account entry, a family payment made for them) is refused with {@code CHANGE_BEFORE_BOOKING}; one
 * dated before the version in force from the latest date with {@code CHANGE_BEFORE_VERSION}; a change
 * dated on the latest version's own day corrects that version. A contribution base outside the
 * region's floor and ceiling is refused with {@code OUTSIDE_REGION_LIMITS}.
 */
public interface PersonDirectory {

    /** As {@link #putPerson(Person, LocalDate, WriteContext)} with the change dated today. */
    default Booked<Person> putPerson(Person person, WriteContext context) {
        return putPerson(person, null, context);
    }

    /**
     * Creates the person (an account with balance zero is opened with them; the first version holds
     * from birth), or changes them: the name, family-doctor contract and recognitions at once, the
     * category, retirement date, contribution base and family from {@code effectiveFrom} (null:
     * today). The region and birth date are fixed once something is booked for the person.
     */
    Booked<Person> putPerson(Person person, LocalDate effectiveFrom, WriteContext context);

    /** The person with their latest version. */
    Optional<Person> person(String personId);

    /** The person with the version in force on the date. */
    Optional<Person> person(String personId, LocalDate date);

    /** The person's versions, oldest first; empty for an unknown person. */
    List<PersonVersion> versions(String personId);

    Booked<Institution> putInstitution(Institution institution, WriteContext context);

    Optional<Institution> institution(String institutionId);

    /**
     * Creates or changes the persons of a chunk of import lines in one transaction, each line as
     * {@link #putPerson} would, or refused on its own; a later line for the same person changes
     * what an earlier one wrote. New persons are inserted in JDBC batches.
     */
    ImportResult importPersons(List<ImportLine<Person>> lines, WriteContext context);

    /** As {@link #importPersons} for institutions. */
    ImportResult importInstitutions(List<ImportLine<Institution>> lines, WriteContext context);

    /**
     * A person import run as a job ({@code person-import}): its chunks book the lines as
     * {@link #importPersons} does, {@value org.gongji.store.ImportUpload#CHUNK_LINES} lines a transaction.
     */
    ImportUpload<Person> personImport();

    /** As {@link #personImport()} for institutions ({@code institution-import}). */
    ImportUpload<Institution> institutionImport();

    /** The answer of a finished import job: the counts and the first refused lines, as the synchronous import answers. */
    ImportResult importResult(JobRecord job);
}
