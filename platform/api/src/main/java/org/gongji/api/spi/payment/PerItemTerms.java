package org.gongji.api.spi.payment;

import java.util.Objects;
import java.util.Set;
import org.gongji.api.rules.Term;

/**
 * 按项目付费: the fund's share of the period's settlements that no other method covers, except the
 * fee lines the region pays separately (e.g. Shandong's 单独支付的国家医保谈判药品, which are not
 * counted in an institution's total).
 *
 * @param separatelyPaid item codes paid outside the institution's total; may be empty
 */
public record PerItemTerms(Term<Set<String>> separatelyPaid) {

    public PerItemTerms {
        Objects.requireNonNull(separatelyPaid, "separatelyPaid");
    }

    public boolean paidSeparately(String itemCode) {
        return itemCode != null && separatelyPaid.value().contains(itemCode);
    }
}
