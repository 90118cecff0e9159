package org.gongji.api.person;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;

/**
 * An insured person (参保人员) of the employee basic medical insurance.
 *
 * @param monthlyContributionBase 缴费基数, for the employed; {@link Money#ZERO} when unknown
 * @param retirementDate the date the person became retired, for retirees
 * @param familyDoctorInstitutionId the primary institution where the person signed a family-doctor contract (家庭医生签约)
 * @param chronicDiseases the person's recognitions (认定) of chronic or special diseases (门诊慢特病), each dated
 */
public record Person(
        String id,
        String name,
        RegionCode region,
        LocalDate birthDate,
        PersonCategory category,
        LocalDate retirementDate,
        Money monthlyContributionBase,
        String familyDoctorInstitutionId,
        List<ChronicRecognition> chronicDiseases,
        List<FamilyMember> family) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(category, "category");
        monthlyContributionBase = monthlyContributionBase == null ? Money.ZERO : monthlyContributionBase;
        chronicDiseases = chronicDiseases == null ? List.of() : List.copyOf(chronicDiseases);
        family = family == null ? List.of() : List.copyOf(family);
    }

    /** The category on a given date: a person who retires is employed until the retirement date. */
    public PersonCategory categoryOn(LocalDate date) {
        if (category == PersonCategory.RETIRED && retirementDate != null && date.isBefore(retirementDate)) {
            return PersonCategory.EMPLOYED;
        }
        return category;
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public boolean hasFamilyDoctorAt(String institutionId) {
        return familyDoctorInstitutionId != null && familyDoctorInstitutionId.equals(institutionId);
    }

    /** Whether the person is recognised with the chronic disease on the date (a recognition holds that day). */
    public boolean isRecognisedFor(String diseaseCode, LocalDate date) {
        for (ChronicRecognition r : chronicDiseases) {
            if (r.code().equals(diseaseCode) && r.holdsOn(date)) {
                return true;
            }
        }
        return false;
    }

    public Optional<Relation> relationOf(String otherPersonId) {
        if (id.equals(otherPersonId)) {
            return Optional.of(Relation.SELF);
        }
        return family.stream().filter(m -> m.personId().equals(otherPersonId)).map(FamilyMember::relation).findFirst();
    }
}
