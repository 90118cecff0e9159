package org.gongji.api.spi.benefit;

import java.util.Objects;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;

/**
 * A region's terms for its insured persons' care in another region (异地就医): whether prior filing
 * (备案) is required, and by how many points the pay ratio falls for a visit without it.
 *
 * @param unfiledRatioReduction percentage points taken off the ratio when filing is required and the visit was not filed
 */
public record CrossRegionTerms(CrossRegion scope, Term<Boolean> filingRequired, Term<Ratio> unfiledRatioReduction) {

    public CrossRegionTerms {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(filingRequired, "filingRequired");
    }
}
