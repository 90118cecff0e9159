package org.gongji.api.spi.benefit;

import java.time.LocalDate;
import java.util.Objects;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.visit.Visit;

/** What a region may look at to decide the terms of one visit. */
public record BenefitContext(Person person, Visit visit, YearToDate yearToDate) {

    public BenefitContext {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(yearToDate, "yearToDate");
    }

    public LocalDate date() {
        return visit.date();
    }

    /** The person's category on the visit date. */
    public PersonCategory category() {
        return person.categoryOn(visit.date());
    }

    public boolean atFamilyDoctorInstitution() {
        return person.hasFamilyDoctorAt(visit.institution().id());
    }
}
