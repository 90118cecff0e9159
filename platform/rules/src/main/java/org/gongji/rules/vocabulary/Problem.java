package org.gongji.rules.vocabulary;

/**
 * Why a table is refused: one line (or the table as a whole) and the key.
 *
 * @param where the table and line ({@code rules/410800-jiaozuo.txt:18}), or only the table for a missing key
 * @param key the key at fault
 * @param message what is wrong and how to write it right
 */
public record Problem(String where, String key, String message) {

    /** {@code rules/410800-jiaozuo.txt:18: outpatient.ratio.retiredBonu5: unknown key (did you mean ...?)} */
    public String display() {
        return where + ": " + key + ": " + message;
    }
}
