package org.gongji.engine;

import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.Visit;

/**
 * Everything a settlement depends on.
 *
 * @param region the rules of the person's region (参保地), as resolved for the visit date
 * @param yearToDate the person's accumulators; those of another year count as an empty year
 * @param accountBalance the personal account balance before the settlement
 * @param useAccount pay the personal part from the account first
 */
public record SettlementRequest(Person person, Visit visit, Region region, YearToDate yearToDate, Money accountBalance,
        boolean useAccount) {

    public SettlementRequest {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(region, "region");
        yearToDate = yearToDate == null || yearToDate.year() != visit.date().getYear()
                ? YearToDate.empty(visit.date().getYear())
                : yearToDate;
        accountBalance = accountBalance == null ? Money.ZERO : accountBalance;
    }
}
