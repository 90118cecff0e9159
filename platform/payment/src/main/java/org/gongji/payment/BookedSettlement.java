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
 * @param separatelyPaid what the fund paid for separately paid negotiated drugs under their own terms (单独支付):
 *                       outside the institution's totals (鲁政办发〔2021〕22号 二(七))
 */
public record BookedSettlement(String settlementId, Institution institution, LocalDate date, MedicalType medType,
        Money fundPaid, List<FeeLine> lines, boolean reversed, Money separatelyPaid) {

    public BookedSettlement(String settlementId, Institution institution, LocalDate date, MedicalType medType,
            Money fundPaid, List<FeeLine> lines, boolean reversed) {
        this(settlementId, institution, date, medType, fundPaid, lines, reversed, Money.ZERO);
    }

    public BookedSettlement {
        Objects.requireNonNull(settlementId, "settlementId");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(medType, "medType");
        Objects.requireNonNull(fundPaid, "fundPaid");
        lines = List.copyOf(lines);
        separatelyPaid = separatelyPaid == null ? Money.ZERO : separatelyPaid;
    }
}
