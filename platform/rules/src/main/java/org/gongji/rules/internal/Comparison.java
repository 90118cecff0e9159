package org.gongji.rules.internal;

import java.util.OptionalInt;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;

/** Compares a city number with a bound's limit of the same kind (money with money, ratio with ratio, text with text). */
final class Comparison {

    private Comparison() {
    }

    /** Negative, zero or positive as {@code value} is below, at or above {@code limit}; empty when they are of different kinds (text: 0 or empty). */
    static OptionalInt compare(Object value, Object limit) {
        if (value instanceof Money m && limit instanceof Money l) {
            return OptionalInt.of(m.compareTo(l));
        }
        if (value instanceof Ratio r && limit instanceof Ratio l) {
            return OptionalInt.of(r.compareTo(l));
        }
        if (value instanceof Integer i && limit instanceof Integer l) {
            return OptionalInt.of(i.compareTo(l));
        }
        if (value != null && value.equals(limit)) {
            return OptionalInt.of(0);
        }
        return OptionalInt.empty();
    }
}
