package org.gongji.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;

/**
 * A visit to preview or settle, as an integrator sends it. Refuses what no real visit has: no
 * fee line, more than {@value #MAX_LINES} lines, a line above {@link #MAX_LINE_AMOUNT}.
 */
public record SettlementCommand(String personId, String institutionId, LocalDate date, MedicalType medType,
        String diseaseCode, boolean useAccount, List<FeeLine> lines, boolean filed) {

    /** A visit in the person's own region, or one without prior filing (备案). */
    public SettlementCommand(String personId, String institutionId, LocalDate date, MedicalType medType, String diseaseCode,
            boolean useAccount, List<FeeLine> lines) {
        this(personId, institutionId, date, medType, diseaseCode, useAccount, lines, false);
    }

    public SettlementCommand {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(medType, "medType");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a visit has 1 to " + MAX_LINES + " fee lines, not " + lines.size());
        }
        for (FeeLine line : lines) {
            if (line.amount().greaterThan(MAX_LINE_AMOUNT)) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, "fee line " + line.code() + " of " + line.amount()
                        + " is above " + MAX_LINE_AMOUNT);
            }
        }
    }

    public static final int MAX_LINES = 1000;
    /** Ten million yuan: no single fee line is larger; a larger one is a unit error. */
    public static final Money MAX_LINE_AMOUNT = Money.ofYuan(10_000_000);
}
