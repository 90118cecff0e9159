package org.gongji.api.spi.critical;

import java.util.Optional;
import org.gongji.api.spi.benefit.BenefitContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The critical-illness insurance layer (大病保险) of a region. After the pooled fund has paid, the
 * in-scope share left to the person (deductible, own ratio share, and what a cap left to them)
 * counts toward the layer's annual deductible; above it the layer pays its ratio. The engine does
 * the arithmetic and keeps the year's count in {@code YearToDate.criticalIllnessBase}.
 */
@ConsumerType
public interface CriticalIllnessCoverage {

    /** The layer's terms for this visit; empty when the visit's own share does not count toward the layer. */
    Optional<CriticalIllnessTerms> criticalIllness(BenefitContext context);
}
