package org.gongji.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;

/**
 * A settlement as the store booked it, as far as paying the institution needs it.
 *
 * @param fundPaid what the fund pays for the visit (fund_pay_sumamt)
 * @param lines the fee lines, to find those the region pays separately
 * @param reversed true when the settlement was reversed (撤销): it is paid by no method
 */
public record BookedSettlement(String settlementId, Institution institution, LocalDate date, MedicalType medType,
        Money fundPaid, List<FeeLine> lines, boolean reversed) {

    public BookedSettlement {
        Objects.requireNonNull(settlementId, "settlementId");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(medType, "medType");
        Objects.requireNonNull(fundPaid, "fundPaid");
        lines = List.copyOf(lines);
    }
}
