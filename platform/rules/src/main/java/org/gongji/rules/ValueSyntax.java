package org.gongji.rules;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;

/**
 * How a value in a parameter table is read: "55%" is a ratio, "50.00" (always two decimals) is
 * money in yuan, "3" is a whole number, "2022-07-01" a date, anything else text.
 */
public final class ValueSyntax {

    private static final Pattern MONEY = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ValueSyntax() {
    }

    public static Object read(String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            return Ratio.parse(t);
        }
        if (MONEY.matcher(t).matches()) {
            return Money.parse(t);
        }
        if (INTEGER.matcher(t).matches()) {
            return Integer.valueOf(t);
        }
        if (DATE.matcher(t).matches()) {
            return LocalDate.parse(t);
        }
        return t;
    }
}
