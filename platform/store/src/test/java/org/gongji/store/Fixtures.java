package org.gongji.store;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;

/** Jiaozuo people, institutions and visits the store tests book. */
final class Fixtures {

    static final RegionCode JIAOZUO = RegionCode.of("410800");
    static final WriteContext CLERK = WriteContext.by("test-clerk");

    private Fixtures() {
    }

    static Person employed(String id, List<FamilyMember> family) {
        return new Person(id, "职工" + id, JIAOZUO, LocalDate.of(1980, 5, 1), PersonCategory.EMPLOYED, null,
                Money.ofYuan(6000), null, null, family);
    }

    static Institution tertiary(String id) {
        return new Institution(id, "焦作市人民医院", JIAOZUO, InstitutionLevel.TERTIARY, false);
    }

    /** A general-outpatient visit with one class-A line. */
    static SettlementCommand visit(String personId, String institutionId, LocalDate date, Money amount) {
        return new SettlementCommand(personId, institutionId, date, MedicalType.GENERAL_OUTPATIENT, null, true,
                List.of(FeeLine.classA("A001", amount)));
    }

    /** Registers a tertiary hospital and an employed person (base 6000.00), credited for the given months. */
    static void personWithCredits(Store store, String personId, String institutionId, String... months) {
        store.persons().putInstitution(tertiary(institutionId), CLERK);
        store.persons().putPerson(employed(personId, List.of()), CLERK);
        for (String m : months) {
            store.accounts().creditMonth(JIAOZUO, java.time.YearMonth.parse(m), CLERK);
        }
    }
}
