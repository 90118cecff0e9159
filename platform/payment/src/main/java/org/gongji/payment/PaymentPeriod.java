package org.gongji.payment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;

/**
 * The whole months a payment run covers, written "2023" (a year), "2023-H2" (a half),
 * "2023-Q3" (a quarter) or "2023-07" (a month).
 *
 * @param to the last day, inclusive
 */
public record PaymentPeriod(String label, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern PART = Pattern.compile("(\\d{4})-([HQ])([1-4])");

    public PaymentPeriod {
        Objects.requireNonNull(label, "label");
        if (from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth()) || to.isBefore(from)) {
            throw new IllegalArgumentException("a payment period is whole months: " + from + ".." + to);
        }
    }

    /** Parses a period label, or {@link ErrorCode#INVALID_REQUEST}. */
    public static PaymentPeriod parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher year = YEAR.matcher(t);
        if (year.matches()) {
            int y = Integer.parseInt(t);
            return new PaymentPeriod(t, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        Matcher part = PART.matcher(t);
        if (part.matches()) {
            int y = Integer.parseInt(part.group(1));
            int n = Integer.parseInt(part.group(3));
            int months = part.group(2).equals("H") ? 6 : 3;
            if (months == 6 && n > 2) {
                throw invalid(t);
            }
            YearMonth first = YearMonth.of(y, 1).plusMonths((long) (n - 1) * months);
            return new PaymentPeriod(t, first.atDay(1), first.plusMonths(months - 1).atEndOfMonth());
        }
        try {
            YearMonth month = YearMonth.parse(t);
            return new PaymentPeriod(t, month.atDay(1), month.atEndOfMonth());
        } catch (DateTimeParseException e) {
            throw invalid(t);
        }
    }

    private static GongjiException invalid(String t) {
        return new GongjiException(ErrorCode.INVALID_REQUEST,
                "period must be YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM: '" + t + "'");
    }

    public int months() {
        return (int) (YearMonth.from(from).until(YearMonth.from(to), java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    @Override
    public String toString() {
        return label;
    }
}
