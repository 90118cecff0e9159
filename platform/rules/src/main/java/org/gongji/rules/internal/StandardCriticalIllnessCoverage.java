package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.gongji.api.money.Money;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.rules.Term;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.critical.CriticalIllnessCoverage;
import org.gongji.api.spi.critical.CriticalIllnessTerms;

/**
 * The critical-illness layer read from the standard keys:
 * <pre>
 * critical.countsFor    medical types whose in-scope own share counts, space-separated (GENERAL_OUTPATIENT CHRONIC_OUTPATIENT ...)
 * critical.deductible   the layer's annual deductible on the cumulated own share
 * critical.ratio        what the layer pays above it
 * critical.annualCap    the most it pays in a year (optional)
 * </pre>
 */
public class StandardCriticalIllnessCoverage implements CriticalIllnessCoverage {

    public static final String COUNTS_FOR = "critical.countsFor";
    public static final String DEDUCTIBLE = "critical.deductible";
    public static final String RATIO = "critical.ratio";
    public static final String ANNUAL_CAP = "critical.annualCap";

    private final ParameterTable table;

    public StandardCriticalIllnessCoverage(ParameterTable table) {
        this.table = table;
    }

    @Override
    public Optional<CriticalIllnessTerms> criticalIllness(BenefitContext context) {
        LocalDate date = context.date();
        Optional<Parameter> scope = table.find(COUNTS_FOR, date);
        if (scope.isEmpty() || !table.find(DEDUCTIBLE, date).isPresent()) {
            return Optional.empty();
        }
        String medType = context.visit().medType().name();
        boolean counts = Arrays.asList(scope.get().text().split("[\\s;,]+")).contains(medType);
        if (!counts) {
            return Optional.empty();
        }
        Term<Money> cap = table.find(ANNUAL_CAP, date).map(p -> Term.of(p, Money.class)).orElse(null);
        return Optional.of(new CriticalIllnessTerms(Term.of(scope.get(), String.class), table.money(DEDUCTIBLE, date),
                table.ratio(RATIO, date), cap));
    }
}
