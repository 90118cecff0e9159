package org.gongji.api.person;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A recognition (认定) of a chronic or special disease (门诊慢特病) for a person: from a date, and
 * until a date when the recognition ends (both days included); {@code to} null when it does not end.
 *
 * @param code the disease's code in the province's catalogue (e.g. {@code M03900})
 */
public record ChronicRecognition(String code, LocalDate from, LocalDate to) {

    public ChronicRecognition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(from, "from");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a recognition names its disease code");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a recognition of " + code + " ends (" + to + ") before it begins (" + from + ")");
        }
    }

    /** Open-ended recognition from a date. */
    public static ChronicRecognition since(String code, LocalDate from) {
        return new ChronicRecognition(code, from, null);
    }

    /** Whether this recognition holds on the date. */
    public boolean holdsOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** Whether this recognition and the other, of the same disease, share a day. */
    public boolean overlaps(ChronicRecognition other) {
        return code.equals(other.code)
                && (to == null || !other.from.isAfter(to))
                && (other.to == null || !from.isAfter(other.to));
    }
}
