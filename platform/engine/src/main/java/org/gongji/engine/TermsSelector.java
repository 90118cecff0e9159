package org.gongji.engine;

import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.gongji.api.spi.region.Region;

/** Asks the region's SPI for the visit's medical type for its terms. */
final class TermsSelector {

    private TermsSelector() {
    }

    static BenefitTerms termsFor(Region region, BenefitContext context) {
        String code = region.metadata().code().value();
        return switch (context.visit().medType()) {
            case GENERAL_OUTPATIENT -> region.outpatientPooling()
                    .orElseThrow(() -> notCovered(code, "general outpatient pooling"))
                    .generalOutpatient(context);
            case CHRONIC_OUTPATIENT -> chronic(region, context, code);
            case DAY_SURGERY, DAY_WARD, INPATIENT -> region.inpatientCoverage()
                    .orElseThrow(() -> notCovered(code, "inpatient terms"))
                    .inpatient(context);
        };
    }

    private static BenefitTerms chronic(Region region, BenefitContext context, String code) {
        String disease = context.visit().diseaseCode();
        if (disease == null || disease.isBlank()) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a chronic-disease visit names its diseaseCode");
        }
        if (!context.person().isRecognisedFor(disease, context.date())) {
            throw new GongjiException(ErrorCode.DISEASE_NOT_RECOGNISED, "person " + context.person().id()
                    + " is not recognised with chronic disease " + disease + " on " + context.date());
        }
        return region.chronicDiseaseCoverage()
                .orElseThrow(() -> notCovered(code, "chronic disease coverage"))
                .chronicOutpatient(context)
                .orElseThrow(() -> notCovered(code, "chronic disease " + disease));
    }

    private static GongjiException notCovered(String region, String what) {
        return new GongjiException(ErrorCode.BENEFIT_NOT_COVERED, "region " + region + " does not provide " + what);
    }
}
