package org.gongji.payment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.gongji.api.money.Money;

/**
 * A long stay paid by bed-day (按床日付费), as a bureau uploads it for the period of its discharge.
 *
 * @param category the bed-day category (REHABILITATION, PSYCHIATRIC, ...), one of the region's rates
 * @param patientPaid what the patient paid for the stay (account and cash)
 * @param otherFundsPaid what other funds paid for it
 */
public record BedDayCase(String caseId, String institutionId, String category, LocalDate admissionDate,
        LocalDate dischargeDate, Money totalCost, Money patientPaid, Money otherFundsPaid) {

    public BedDayCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(admissionDate, "admissionDate");
        Objects.requireNonNull(dischargeDate, "dischargeDate");
        if (dischargeDate.isBefore(admissionDate)) {
            throw new IllegalArgumentException("case " + caseId + ": discharged before admitted");
        }
        if (totalCost.isNegative() || patientPaid.isNegative() || otherFundsPaid.isNegative()) {
            throw new IllegalArgumentException("case " + caseId + ": negative amount");
        }
        if (patientPaid.plus(otherFundsPaid).greaterThan(totalCost)) {
            throw new IllegalArgumentException("case " + caseId + ": patient and other funds paid more than the cost");
        }
    }

    /** Bed-days: nights from admission to discharge, a same-day stay counting one. */
    public long bedDays() {
        return Math.max(1, ChronoUnit.DAYS.between(admissionDate, dischargeDate));
    }
}
