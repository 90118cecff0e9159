package org.gongji.api.spi.chronic;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.osgi.annotation.versioning.ConsumerType;

/** Chronic and special disease outpatient coverage (门诊慢特病). */
@ConsumerType
public interface ChronicDiseaseCoverage {

    /** Disease codes the region covers on the date. */
    Set<String> catalogue(LocalDate date);

    /** The terms for a visit for the context's disease; empty when the disease is not covered. */
    Optional<BenefitTerms> chronicOutpatient(BenefitContext context);

    /** The catalogue in force on the date, each disease with its name and the rows of its terms, by code. */
    default List<ChronicDisease> diseases(LocalDate date) {
        return catalogue(date).stream().sorted()
                .map(code -> new ChronicDisease(code, code, null, null, ChronicDisease.Cover.DISEASE, List.of()))
                .toList();
    }
}
