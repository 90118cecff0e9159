package org.gongji.store;

import java.time.LocalDate;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.visit.MedicalType;

/**
 * One visit of an uploaded claim file (测算样本), for a simulation over visits that were never booked:
 * who (a pseudonymous person key, the category and age on the visit date), when, where (the level of
 * the institution) and the fees by catalogue class.
 *
 * @param person visits with the same key belong to one person and share the annual accumulators
 * @param classBPreSelfPay the share of the class B fees the patient pays first (先行自付比例)
 * @param disease for {@link MedicalType#CHRONIC_OUTPATIENT}, the recognised disease; null otherwise
 */
public record UploadedVisit(String person, PersonCategory category, int age, LocalDate date, InstitutionLevel level,
        MedicalType medicalType, Money classA, Money classB, Ratio classBPreSelfPay, Money classC, String disease) {
}
