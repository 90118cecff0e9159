package org.gongji.rules.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;

/**
 * Comma-separated rows under a header row naming the columns (any order, extra columns ignored).
 * Fields may be quoted with {@code "} (a quote inside doubled). Blank lines and lines starting
 * with {@code #} are skipped. Errors name the source and line.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /** Turns one data row into a value. */
    public interface RowReader<T> {
        T read(Row row);
    }

    public static <T> List<T> read(String source, Reader in, List<String> required, RowReader<T> rows) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        List<T> result = new ArrayList<>();
        try {
            Map<String, Integer> columns = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                List<String> fields = split(line, source, number);
                if (columns == null) {
                    columns = new HashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        columns.put(fields.get(i).strip(), i);
                    }
                    for (String name : required) {
                        if (!columns.containsKey(name)) {
                            throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ":" + number
                                    + ": header lacks column " + name + " (needs " + String.join(",", required) + ")");
                        }
                    }
                    continue;
                }
                if (fields.size() > columns.size()) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ":" + number + ": " + fields.size()
                            + " fields under " + columns.size() + " columns (an unquoted comma?)");
                }
                result.add(rows.read(new Row(source, number, columns, fields)));
            }
            if (columns == null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ": no header row");
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line, String source, int number) {
        List<String> fields = new ArrayList<>(10);
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ":" + number + ": unclosed quote");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(ch);
                    }
                }
                fields.add(b.toString());
                if (i < n && line.charAt(i) != ',') {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ":" + number + ": text after a closing quote");
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the comma
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }

    /**
     * The fast path for the common "1234", "1234.5", "1234.56": the amount in fen, or -1 when the text
     * is anything else (then {@link Money#parse} decides, and refuses what it must).
     */
    static long plainFen(String t) {
        int n = t.length();
        if (n == 0 || n > 15) {
            return -1;
        }
        long units = 0;
        int decimals = -1;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '.' && decimals < 0 && i > 0 && i < n - 1) {
                decimals = 0;
            } else if (c >= '0' && c <= '9') {
                units = units * 10 + (c - '0');
                if (decimals >= 0 && ++decimals > 2) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        int scale = decimals < 0 ? 0 : decimals;
        return scale == 2 ? units : scale == 1 ? units * 10 : units * 100;
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(t);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** One data row; accessors refuse missing or malformed values with the row's position. */
    public static final class Row {
        private final String source;
        private final int number;
        private final Map<String, Integer> columns;
        private final List<String> fields;

        Row(String source, int number, Map<String, Integer> columns, List<String> fields) {
            this.source = source;
            this.number = number;
            this.columns = columns;
            this.fields = fields;
        }

        /** The line number in the source. */
        public int line() {
            return number;
        }

        /** "source:line", for messages. */
        public String where() {
            return source + ":" + number;
        }

        /** Whether the field is there and not blank. */
        public boolean has(String column) {
            return !text(column).isEmpty();
        }

        /** The field, "" when the row is short. */
        public String text(String column) {
            Integer i = columns.get(column);
            return i == null || i >= fields.size() ? "" : fields.get(i);
        }

        public String required(String column) {
            String t = text(column);
            if (t.isEmpty()) {
                throw invalid(ErrorCode.INVALID_REQUEST, column + " is empty");
            }
            return t;
        }

        public Money money(String column) {
            String t = required(column);
            long fen = plainFen(t);
            if (fen >= 0) {
                return Money.ofFen(fen);
            }
            try {
                Money m = Money.parse(t);
                if (m.isNegative()) {
                    throw invalid(ErrorCode.INVALID_AMOUNT, column + " is negative: " + t);
                }
                return m;
            } catch (NumberFormatException | ArithmeticException e) {
                throw invalid(ErrorCode.INVALID_AMOUNT, column + " is not an amount with at most two decimals: " + t);
            } catch (IllegalArgumentException e) {
                throw invalid(ErrorCode.INVALID_AMOUNT, column + ": " + e.getMessage());
            }
        }

        public LocalDate date(String column) {
            String t = required(column);
            try {
                if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
                    return LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
                }
                return LocalDate.parse(t);
            } catch (DateTimeException | NumberFormatException e) {
                throw invalid(ErrorCode.INVALID_REQUEST, column + " is not a date YYYY-MM-DD: " + t);
            }
        }

        public GongjiException invalid(ErrorCode code, String problem) {
            return new GongjiException(code, source + ":" + number + ": " + problem);
        }
    }
}
