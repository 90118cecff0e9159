package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.rules.Term;
import org.gongji.api.spi.benefit.Adjustment;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.gongji.api.spi.benefit.DeductibleMode;
import org.gongji.api.spi.pooling.OutpatientPooling;

/**
 * General outpatient pooling read from the standard keys:
 * <pre>
 * outpatient.deductible.mode              PER_VISIT | ANNUAL
 * outpatient.deductible.{tertiary|secondary|primary}   money
 * outpatient.deductible.retiredShare      ratio (optional; e.g. retirees pay half)
 * outpatient.ratio.{tertiary|secondary|primary}        ratio
 * outpatient.ratio.retiredBonus           percentage points for retirees (optional)
 * outpatient.ratio.familyDoctorBonus      points at the person's family-doctor primary institution (optional)
 * outpatient.cap.{employed|retired}       the benefit's annual cap
 * outpatient.pharmacy.termsLevel          the level whose terms a pharmacy purchase on an external prescription takes
 * outpatient.countsTowardFundCap          yes | no: whether the pay counts toward fund.annualCap
 * </pre>
 */
public class StandardOutpatientPooling implements OutpatientPooling {

    public static final String DEDUCTIBLE_MODE = "outpatient.deductible.mode";
    public static final String RETIRED_DEDUCTIBLE_SHARE = "outpatient.deductible.retiredShare";
    public static final String RETIRED_BONUS = "outpatient.ratio.retiredBonus";
    public static final String FAMILY_DOCTOR_BONUS = "outpatient.ratio.familyDoctorBonus";
    public static final String CAP_EMPLOYED = "outpatient.cap.employed";
    public static final String CAP_RETIRED = "outpatient.cap.retired";
    public static final String PHARMACY_TERMS_LEVEL = "outpatient.pharmacy.termsLevel";
    public static final String COUNTS_TOWARD_FUND_CAP = "outpatient.countsTowardFundCap";
    public static final String FUND_CAP = "fund.annualCap";

    static final LevelKeys DEDUCTIBLE = new LevelKeys("outpatient.deductible.");
    static final LevelKeys RATIO = new LevelKeys("outpatient.ratio.");

    private final ParameterTable table;

    public StandardOutpatientPooling(ParameterTable table) {
        this.table = table;
    }

    @Override
    public BenefitTerms generalOutpatient(BenefitContext context) {
        LocalDate date = context.date();
        InstitutionLevel level = context.visit().institution().level();
        Term<Money> deductible;
        Term<Ratio> ratio;
        if (level == InstitutionLevel.PHARMACY) {
            Parameter asLevel = table.require(PHARMACY_TERMS_LEVEL, date);
            InstitutionLevel termsLevel = InstitutionLevel.valueOf(asLevel.text());
            deductible = viaPharmacy(table.money(DEDUCTIBLE.of(termsLevel), date), asLevel);
            ratio = viaPharmacy(table.ratio(RATIO.of(termsLevel), date), asLevel);
        } else {
            deductible = table.money(DEDUCTIBLE.of(level), date);
            ratio = table.ratio(RATIO.of(level), date);
        }
        boolean retired = context.category() == PersonCategory.RETIRED;

        List<Adjustment> deductibleAdjustments = List.of();
        Parameter retiredShare = retired ? table.lookup(RETIRED_DEDUCTIBLE_SHARE, date) : null;
        if (retiredShare != null) {
            deductibleAdjustments = List.of(new Adjustment.ScaleBy("retired", (Ratio) retiredShare.value(),
                    retiredShare.display(), retiredShare.citation()));
        }
        Parameter retiredBonus = retired ? table.lookup(RETIRED_BONUS, date) : null;
        Parameter familyDoctorBonus = level == InstitutionLevel.PRIMARY && context.atFamilyDoctorInstitution()
                ? table.lookup(FAMILY_DOCTOR_BONUS, date) : null;
        List<Adjustment> ratioAdjustments = List.of();
        if (retiredBonus != null || familyDoctorBonus != null) {
            ratioAdjustments = new ArrayList<>(2);
            if (retiredBonus != null) {
                ratioAdjustments.add(points("retired", retiredBonus));
            }
            if (familyDoctorBonus != null) {
                ratioAdjustments.add(points("family-doctor contract", familyDoctorBonus));
            }
        }
        Term<Money> cap = table.money(retired ? CAP_RETIRED : CAP_EMPLOYED, date);
        Parameter countsTowardFundCap = table.lookup(COUNTS_TOWARD_FUND_CAP, date);
        Term<Money> fundCap = countsTowardFundCap != null && "yes".equals(countsTowardFundCap.text())
                ? table.money(FUND_CAP, date)
                : null;
        return new BenefitTerms(Benefit.GENERAL_OUTPATIENT, deductible, deductibleAdjustments,
                DeductibleMode.valueOf(table.text(DEDUCTIBLE_MODE, date)), ratio, ratioAdjustments, cap, fundCap);
    }

    static Adjustment points(String name, Parameter p) {
        return new Adjustment.AddPoints(name, ((Ratio) p.value()).basisPoints(), p.display(), p.citation());
    }

    private static <T> Term<T> viaPharmacy(Term<T> term, Parameter asLevel) {
        return new Term<>(term.value(), asLevel.display() + "; " + term.parameter(), term.citation());
    }
}
