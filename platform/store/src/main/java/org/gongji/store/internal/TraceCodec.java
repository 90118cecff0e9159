package org.gongji.store.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.region.Citation;
import org.gongji.engine.TraceEntry;

/**
 * A settlement's trace as one text column: an entry a line, fields separated by tabs, with
 * backslash escapes. One column instead of a row per step keeps a booking to a few rows.
 */
final class TraceCodec {

    private static final String NULL = "\\N";

    private TraceCodec() {
    }

    static String encode(List<TraceEntry> trace) {
        StringBuilder b = new StringBuilder(trace.size() * 96);
        for (TraceEntry e : trace) {
            Citation c = e.citation();
            field(b, e.step()).append('\t');
            b.append(e.amount() == null ? NULL : Long.toString(e.amount().fen())).append('\t');
            field(b, e.parameter()).append('\t');
            b.append(c == null ? "-" : c.assumption() ? "A" : "C").append('\t');
            field(b, c == null ? null : c.document()).append('\t');
            field(b, c == null ? null : c.clause()).append('\n');
        }
        return b.toString();
    }

    static List<TraceEntry> decode(String text) {
        List<TraceEntry> trace = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Citation citation = switch (f[3]) {
                case "-" -> null;
                default -> new Citation(unescape(f[4]), unescape(f[5]), f[3].equals("A"));
            };
            Money amount = f[1].equals(NULL) ? null : Money.ofFen(Long.parseLong(f[1]));
            trace.add(new TraceEntry(unescape(f[0]), amount, unescape(f[2]), citation));
        }
        return trace;
    }

    private static StringBuilder field(StringBuilder b, String value) {
        if (value == null) {
            return b.append(NULL);
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }

    private static String unescape(String field) {
        if (field.equals(NULL)) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder b = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                b.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
