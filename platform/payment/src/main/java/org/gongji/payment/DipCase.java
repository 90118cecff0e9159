package org.gongji.payment;

import java.time.LocalDate;
import java.util.Objects;
import org.gongji.api.money.Money;

/**
 * A case paid by DIP (a day-surgery or special-disease outpatient episode, or an admission), as a
 * bureau uploads it for a period.
 *
 * @param procedure empty for conservative treatment
 * @param patientPaid what the patient paid for the case (account and cash)
 * @param otherFundsPaid what other funds paid for it (critical-illness insurance, medical assistance, ...)
 */
public record DipCase(String caseId, String institutionId, String diagnosis, String procedure, LocalDate date,
        Money totalCost, Money patientPaid, Money otherFundsPaid) {

    public DipCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(diagnosis, "diagnosis");
        procedure = procedure == null ? "" : procedure;
        Objects.requireNonNull(date, "date");
        if (totalCost.isNegative() || patientPaid.isNegative() || otherFundsPaid.isNegative()) {
            throw new IllegalArgumentException("case " + caseId + ": negative amount");
        }
        if (patientPaid.plus(otherFundsPaid).greaterThan(totalCost)) {
            throw new IllegalArgumentException("case " + caseId + ": patient and other funds paid more than the cost");
        }
    }
}
