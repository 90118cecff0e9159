package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
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
import org.gongji.api.spi.inpatient.InpatientCoverage;
import org.gongji.api.visit.MedicalType;

/**
 * Inpatient terms read from the standard keys:
 * <pre>
 * inpatient.deductible.{tertiary.provincial|tertiary|secondary|primary}   per admission
 * inpatient.deductible.repeatAdmissionShare   share of the deductible from the second admission of the year (optional)
 * inpatient.ratio.{tertiary.provincial|tertiary|secondary|primary}        (tertiary.provincial falls back to tertiary)
 * inpatient.ratio.retiredBonus               points for retirees (optional)
 * fund.annualCap                             the pooled fund's annual cap
 * daySurgery.settledAs                       INPATIENT: a day surgery (日间手术) is settled on these terms (else not covered)
 * daySurgery.countsAsAdmission               yes | no: whether it is an admission for the repeat-admission deductible
 *                                            (counted for later admissions, and discounted after an earlier one)
 * dayWard.settledAs, dayWard.countsAsAdmission   the same for a day ward (日间病房)
 * </pre>
 */
public class StandardInpatientCoverage implements InpatientCoverage {

    public static final String REPEAT_ADMISSION_SHARE = "inpatient.deductible.repeatAdmissionShare";
    public static final String RETIRED_BONUS = "inpatient.ratio.retiredBonus";
    public static final String DAY_SURGERY_SETTLED_AS = "daySurgery.settledAs";
    public static final String DAY_SURGERY_COUNTS_AS_ADMISSION = "daySurgery.countsAsAdmission";
    public static final String DAY_WARD_SETTLED_AS = "dayWard.settledAs";
    public static final String DAY_WARD_COUNTS_AS_ADMISSION = "dayWard.countsAsAdmission";

    private final ParameterTable table;

    public StandardInpatientCoverage(ParameterTable table) {
        this.table = table;
    }

    @Override
    public BenefitTerms inpatient(BenefitContext context) {
        LocalDate date = context.date();
        String level = levelKey(context.visit().institution());
        List<Term<String>> notes = new ArrayList<>(2);
        boolean admission = true;
        MedicalType type = context.visit().medType();
        if (type == MedicalType.DAY_SURGERY || type == MedicalType.DAY_WARD) {
            boolean surgery = type == MedicalType.DAY_SURGERY;
            String settledKey = surgery ? DAY_SURGERY_SETTLED_AS : DAY_WARD_SETTLED_AS;
            Parameter settledAs = table.lookup(settledKey, date);
            if (settledAs == null || !"INPATIENT".equals(settledAs.text())) {
                throw new GongjiException(ErrorCode.BENEFIT_NOT_COVERED, table.source() + " does not settle "
                        + type + " on inpatient terms on " + date + " (no " + settledKey + " = INPATIENT)");
            }
            notes.add(new Term<>(type + " settled on inpatient terms", settledAs.display(), settledAs.citation()));
            Parameter counts = table.require(surgery ? DAY_SURGERY_COUNTS_AS_ADMISSION : DAY_WARD_COUNTS_AS_ADMISSION, date);
            admission = "yes".equalsIgnoreCase(counts.text());
            notes.add(new Term<>(admission ? "counts as an admission of the year" : "does not count as an admission of the year",
                    counts.display(), counts.citation()));
        }
        Term<Money> deductible = table.money("inpatient.deductible." + level, date);
        List<Adjustment> deductibleAdjustments = List.of();
        if (admission && context.yearToDate().admissions() >= 1) {
            deductibleAdjustments = table.find(REPEAT_ADMISSION_SHARE, date)
                    .<List<Adjustment>>map(p -> List.of(new Adjustment.ScaleBy(
                            "admission " + (context.yearToDate().admissions() + 1) + " of the year",
                            (Ratio) p.value(), p.display(), p.citation())))
                    .orElse(List.of());
        }
        String ratioKey = "inpatient.ratio." + level;
        if (!table.has(ratioKey)) {
            ratioKey = "inpatient.ratio.tertiary";
        }
        Term<Ratio> ratio = table.ratio(ratioKey, date);
        List<Adjustment> ratioAdjustments = context.category() == PersonCategory.RETIRED
                ? table.find(RETIRED_BONUS, date).map(p -> List.of(StandardOutpatientPooling.points("retired", p))).orElse(List.of())
                : List.of();
        return new BenefitTerms(Benefit.INPATIENT, deductible, deductibleAdjustments, DeductibleMode.PER_VISIT,
                ratio, ratioAdjustments, null, table.money(StandardOutpatientPooling.FUND_CAP, date), null, admission, notes);
    }

    private static String levelKey(Institution institution) {
        if (institution.level() == InstitutionLevel.PHARMACY) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a pharmacy does not admit patients: " + institution.id());
        }
        String level = institution.level().name().toLowerCase(Locale.ROOT);
        return institution.level() == InstitutionLevel.TERTIARY && institution.provincial() ? level + ".provincial" : level;
    }
}
