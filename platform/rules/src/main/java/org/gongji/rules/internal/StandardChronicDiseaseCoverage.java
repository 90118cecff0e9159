package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.gongji.api.spi.chronic.ChronicDiseaseCoverage;

/**
 * Chronic and special disease outpatient coverage (门诊慢特病) read from the standard keys:
 * <pre>
 * chronic.diseases                 the disease catalogue: codes separated by ';'
 * chronic.deductible.mode          PER_VISIT | ANNUAL
 * chronic.deductible               money
 * chronic.ratio                    ratio; chronic.ratio.{tertiary|secondary|primary|pharmacy} where it differs by level
 * chronic.ratio.retiredBonus       points for retirees (optional)
 * chronic.cap                      the benefit's annual cap (optional)
 * chronic.countsTowardFundCap      yes | no: whether the pay counts toward fund.annualCap
 * </pre>
 */
public class StandardChronicDiseaseCoverage implements ChronicDiseaseCoverage {

    public static final String DISEASES = "chronic.diseases";
    public static final String DEDUCTIBLE_MODE = "chronic.deductible.mode";
    public static final String DEDUCTIBLE = "chronic.deductible";
    public static final String RATIO = "chronic.ratio";
    public static final String RETIRED_BONUS = "chronic.ratio.retiredBonus";
    public static final String CAP = "chronic.cap";
    public static final String COUNTS_TOWARD_FUND_CAP = "chronic.countsTowardFundCap";

    private static final LevelKeys RATIO_BY_LEVEL = new LevelKeys(RATIO + ".");

    private final ParameterTable table;

    public StandardChronicDiseaseCoverage(ParameterTable table) {
        this.table = table;
    }

    @Override
    public Set<String> catalogue(LocalDate date) {
        Parameter diseases = table.lookup(DISEASES, date);
        if (diseases == null) {
            return Set.of();
        }
        return Arrays.stream(diseases.text().split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<BenefitTerms> chronicOutpatient(BenefitContext context) {
        LocalDate date = context.date();
        if (!catalogue(date).contains(context.visit().diseaseCode())) {
            return Optional.empty();
        }
        String levelKey = RATIO_BY_LEVEL.of(context.visit().institution().level());
        Term<Ratio> ratio = table.ratio(table.lookup(levelKey, date) != null ? levelKey : RATIO, date);
        Parameter bonus = context.category() == PersonCategory.RETIRED ? table.lookup(RETIRED_BONUS, date) : null;
        List<Adjustment> ratioAdjustments = bonus == null ? List.of() : List.of(StandardOutpatientPooling.points("retired", bonus));
        Term<Money> cap = table.lookup(CAP, date) != null ? table.money(CAP, date) : null;
        Parameter counts = table.lookup(COUNTS_TOWARD_FUND_CAP, date);
        Term<Money> fundCap = counts != null && "yes".equals(counts.text())
                ? table.money(StandardOutpatientPooling.FUND_CAP, date) : null;
        return Optional.of(new BenefitTerms(Benefit.CHRONIC_OUTPATIENT, table.money(DEDUCTIBLE, date), List.of(),
                DeductibleMode.valueOf(table.text(DEDUCTIBLE_MODE, date)), ratio, ratioAdjustments, cap, fundCap));
    }
}
