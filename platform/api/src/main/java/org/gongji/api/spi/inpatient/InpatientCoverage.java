package org.gongji.api.spi.inpatient;

import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Inpatient terms (住院): deductible by institution level and admission count, ratio, and the
 * pooled fund's annual cap. Day surgery is settled with these terms where the region says so.
 */
@ConsumerType
public interface InpatientCoverage {

    /** The terms for this admission; {@link BenefitContext#yearToDate()} tells earlier admissions. */
    BenefitTerms inpatient(BenefitContext context);
}
