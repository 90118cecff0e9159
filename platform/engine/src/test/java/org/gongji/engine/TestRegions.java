package org.gongji.engine;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.rules.StandardRegion;

/** The fictional test city 990100 and helpers to write visits briefly. */
public final class TestRegions {

    public static final RegionCode CITY = RegionCode.of("990100");

    private TestRegions() {
    }

    public static StandardRegion city() {
        return new StandardRegion(StandardRegion.table(TestRegions.class, "/990100-test-city.txt"));
    }

    public static Person employed() {
        return new Person("p1", "employed", CITY, LocalDate.of(1980, 1, 1), PersonCategory.EMPLOYED, null, Money.ofYuan(6000),
                null, null, null);
    }

    public static Person retired() {
        return new Person("p2", "retired", CITY, LocalDate.of(1950, 1, 1), PersonCategory.RETIRED, LocalDate.of(2010, 1, 1),
                Money.ZERO, null, null, null);
    }

    public static Visit visit(String date, InstitutionLevel level, MedicalType type, FeeLine... lines) {
        return new Visit(LocalDate.parse(date), type, new Institution(level + "-1", "x", CITY, level, false), null, List.of(lines));
    }

    public static Visit outpatient(String date, InstitutionLevel level, String amountA) {
        return visit(date, level, MedicalType.GENERAL_OUTPATIENT, FeeLine.classA("A1", Money.parse(amountA)));
    }
}
