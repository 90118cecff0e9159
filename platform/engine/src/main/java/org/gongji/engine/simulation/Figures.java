package org.gongji.engine.simulation;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.spi.benefit.Benefit;

/**
 * What one set of rules pays over the claims of a simulation.
 *
 * @param claims visits settled
 * @param refused visits the rules refused, by error code
 * @param poolPaidByBenefit pooled-fund pay per benefit
 * @param personsReachingCap persons who reached an annual cap of the benefit (some pay withheld at a cap)
 * @param fundPaidByMonth fund pay per month of the visit date
 * @param personalPartByDecile the average personal part (自付) of the persons in each tenth, from the tenth
 *                             that paid least to the tenth that paid most over the year
 */
public record Figures(
        long claims,
        Map<String, Long> refused,
        Money fundPaid,
        Money poolPaid,
        Money criticalIllnessPaid,
        Money accountPaid,
        Money cashPaid,
        Money personalPart,
        Map<Benefit, Money> poolPaidByBenefit,
        Map<PersonCategory, Money> poolPaidByCategory,
        Map<InstitutionLevel, Money> poolPaidByLevel,
        Map<Benefit, Long> personsReachingCap,
        SortedMap<YearMonth, Money> fundPaidByMonth,
        List<Money> personalPartByDecile) {
}
