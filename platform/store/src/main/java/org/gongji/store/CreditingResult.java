package org.gongji.store;

import java.time.YearMonth;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;

/**
 * One monthly crediting run (个人账户计入) for a region.
 *
 * @param personsCredited persons credited by this run
 * @param totalCredited what this run credited
 * @param personsAlreadyCredited persons skipped because an earlier run credited them for the month
 * @param personsWithoutCredit persons whose rules credit nothing that month
 */
public record CreditingResult(RegionCode region, YearMonth month, int personsCredited, Money totalCredited,
        int personsAlreadyCredited, int personsWithoutCredit) {
}
