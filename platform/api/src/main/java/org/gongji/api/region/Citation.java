package org.gongji.api.region;

/**
 * Where a number comes from: a policy document number and a clause, e.g. 焦政办〔2022〕22号 二(一).
 * An {@linkplain #assumption() assumption} is a number no document sets; the bureau must confirm it.
 */
public record Citation(String document, String clause, boolean assumption) {

    public static final String ASSUMPTION = "ASSUMPTION";

    public static Citation of(String document, String clause) {
        return new Citation(document, clause, false);
    }

    /** A number no document sets, with the reason it was chosen. */
    public static Citation assumption(String reason) {
        return new Citation(ASSUMPTION, reason, true);
    }

    /** Parses "焦政办〔2022〕22号 二(一)": the document, then the clause after the first space. */
    public static Citation parse(String text) {
        String t = text.trim();
        int space = t.indexOf(' ');
        return space < 0 ? of(t, "") : of(t.substring(0, space), t.substring(space + 1).trim());
    }

    @Override
    public String toString() {
        if (assumption) {
            return "assumption: " + clause;
        }
        return clause.isEmpty() ? document : document + " " + clause;
    }
}
