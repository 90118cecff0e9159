package org.gongji.api.standard;

import java.util.List;
import java.util.Optional;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.chronic.ChronicDiseaseCoverage;
import org.gongji.api.spi.inpatient.InpatientCoverage;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.spi.pooling.OutpatientPooling;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionMetadata;

/** A standard region over an overridden table (bounds included); chronic coverage and provider payment stay the original's. */
final class OverriddenRegion implements Region {

    private final Region original;
    private final StandardRegion rebuilt;

    OverriddenRegion(Region original, StandardRegion rebuilt) {
        this.original = original;
        this.rebuilt = rebuilt;
    }

    @Override
    public RegionMetadata metadata() {
        return rebuilt.metadata();
    }

    @Override
    public ParameterTable parameters() {
        return rebuilt.parameters();
    }

    @Override
    public Optional<OutpatientPooling> outpatientPooling() {
        return rebuilt.outpatientPooling();
    }

    @Override
    public Optional<ChronicDiseaseCoverage> chronicDiseaseCoverage() {
        return original.chronicDiseaseCoverage();
    }

    @Override
    public Optional<InpatientCoverage> inpatientCoverage() {
        return rebuilt.inpatientCoverage();
    }

    @Override
    public Optional<AccountCrediting> accountCrediting() {
        return rebuilt.accountCrediting();
    }

    @Override
    public Optional<ProviderPaymentTerms> providerPayment() {
        return original.providerPayment();
    }

    @Override
    public List<Bound> bounds() {
        return rebuilt.bounds();
    }
}
