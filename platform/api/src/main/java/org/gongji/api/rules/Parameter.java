package org.gongji.api.rules;

import java.time.LocalDate;
import java.util.Objects;
import org.gongji.api.region.Citation;

/**
 * One number (or choice) of a region, in force from a date until the next entry for the same key.
 *
 * @param value typed: {@link org.gongji.api.money.Money}, {@link org.gongji.api.money.Ratio},
 *              {@link Integer}, {@link LocalDate} or {@link String}
 * @param text the value as written in the table
 * @param note what the entry means, in the bureau's words; the reason for an assumption
 */
public record Parameter(String key, Object value, String text, LocalDate effectiveFrom, Citation citation, String note) {

    public Parameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(citation, "citation");
        note = note == null ? "" : note;
    }

    public boolean assumption() {
        return citation.assumption();
    }

    /** "key = value", as a trace shows the parameter that was used. */
    public String display() {
        return key + " = " + text;
    }
}
