package org.gongji.api.spi.region;

import java.util.List;
import java.util.Optional;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.chronic.ChronicDiseaseCoverage;
import org.gongji.api.spi.critical.CriticalIllnessCoverage;
import org.gongji.api.spi.inpatient.InpatientCoverage;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.spi.pooling.OutpatientPooling;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A province or city as a region bundle provides it: one service per region, registered with
 * {@link RegionService}. The engine takes one {@code Region} per settlement, so a settlement in
 * flight finishes on the version it started with.
 */
@ConsumerType
public interface Region {

    RegionMetadata metadata();

    /** Every number of the region with its citation, as data. */
    ParameterTable parameters();

    Optional<OutpatientPooling> outpatientPooling();

    Optional<ChronicDiseaseCoverage> chronicDiseaseCoverage();

    Optional<InpatientCoverage> inpatientCoverage();

    Optional<AccountCrediting> accountCrediting();

    Optional<ProviderPaymentTerms> providerPayment();

    /** The critical-illness insurance layer (大病保险) on top of the pooled fund; empty when the region has none here. */
    default Optional<CriticalIllnessCoverage> criticalIllnessCoverage() {
        return Optional.empty();
    }

    /** The negotiated drugs the region pays separately (单独支付); empty when it lists none. */
    default Optional<org.gongji.api.spi.drug.SeparatelyPaidDrugs> separatelyPaidDrugs() {
        return Optional.empty();
    }

    /** The region's terms for its insured persons' care in another region (异地就医); empty when it sets none. */
    default Optional<org.gongji.api.spi.benefit.CrossRegionTerms> crossRegion(org.gongji.api.spi.benefit.CrossRegion scope,
            java.time.LocalDate date) {
        return Optional.empty();
    }

    /** The bounds this region sets on its cities; empty for a city. */
    List<Bound> bounds();
}
