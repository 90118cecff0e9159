package org.gongji.store;

import java.util.Optional;
import org.gongji.api.institution.Institution;
import org.gongji.api.person.Person;

/** Insured persons and designated institutions, created or replaced whole. */
public interface PersonDirectory {

    /** Creates or replaces the person; an account with balance zero is opened with a new person. */
    Booked<Person> putPerson(Person person, WriteContext context);

    Optional<Person> person(String personId);

    Booked<Institution> putInstitution(Institution institution, WriteContext context);

    Optional<Institution> institution(String institutionId);
}
