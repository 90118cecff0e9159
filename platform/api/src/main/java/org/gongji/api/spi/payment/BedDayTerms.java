package org.gongji.api.spi.payment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Term;

/**
 * 按床日付费 for long stays (济南 三.12: 医疗康复及慢性精神疾病等长期住院按床日付费). A stay's standard is,
 * day by day, the category's rate per bed-day times the share of the length-of-stay band the day falls in
 * (e.g. days 1-60 at 100 %, 61-180 at 90 %, from 181 at 80 %); the fund pays the standard less what the
 * patient and other funds paid for the stay.
 *
 * @param rates the rate per bed-day by category (e.g. REHABILITATION, PSYCHIATRIC)
 * @param bands length-of-stay bands in order of their first day; the first starts on day 1
 */
public record BedDayTerms(PaymentScope scope, Map<String, Term<Money>> rates, List<Band> bands) {

    /** Days from {@code fromDay} (1-based) until the next band's first day are paid at {@code share} of the rate. */
    public record Band(int fromDay, Term<Ratio> share) {
    }

    public BedDayTerms {
        Objects.requireNonNull(scope, "scope");
        rates = Map.copyOf(rates);
        bands = List.copyOf(bands);
        if (bands.isEmpty() || bands.get(0).fromDay() != 1) {
            throw new IllegalArgumentException("the first length-of-stay band starts on day 1");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).fromDay() <= bands.get(i - 1).fromDay()) {
                throw new IllegalArgumentException("length-of-stay bands out of order");
            }
        }
    }

    /** The rate of a category, or {@link ErrorCode#INVALID_REQUEST} when the region sets none. */
    public Term<Money> rate(String category) {
        Term<Money> r = rates.get(category);
        if (r == null) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "no bed-day rate for category " + category
                    + " (the region pays bed-days for " + new java.util.TreeSet<>(rates.keySet()) + ")");
        }
        return r;
    }
}
