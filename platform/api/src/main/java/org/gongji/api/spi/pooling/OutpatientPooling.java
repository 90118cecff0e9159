package org.gongji.api.spi.pooling;

import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * General outpatient pooling (普通门诊统筹): the deductible, ratio and annual cap of a general
 * outpatient visit or an external-prescription pharmacy purchase.
 */
@ConsumerType
public interface OutpatientPooling {

    /**
     * The terms for this visit.
     *
     * @throws org.gongji.api.error.GongjiException {@code RULES_NOT_IN_FORCE} when no rule covers the date
     */
    BenefitTerms generalOutpatient(BenefitContext context);
}
