package org.gongji.api.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gongji.api.institution.Institution;

/**
 * A visit (就诊) or admission to settle: when, where, what kind, and the fee lines.
 *
 * @param diseaseCode the recognised chronic disease for {@link MedicalType#CHRONIC_OUTPATIENT}; may be null otherwise
 * @param filed for a visit in another region (异地就医): whether the person filed for it beforehand (备案)
 */
public record Visit(LocalDate date, MedicalType medType, Institution institution, String diseaseCode, List<FeeLine> lines,
        boolean filed) {

    public Visit(LocalDate date, MedicalType medType, Institution institution, String diseaseCode, List<FeeLine> lines) {
        this(date, medType, institution, diseaseCode, lines, false);
    }

    public Visit {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(medType, "medType");
        Objects.requireNonNull(institution, "institution");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a visit has at least one fee line");
        }
    }
}
