package org.gongji.store;

import java.time.LocalDate;

/**
 * One line of a bulk import: its number in the file, the person or institution it names, and the
 * date a change of a person applies from (null: today).
 */
public record ImportLine<T>(int line, T value, LocalDate effectiveFrom) {
}
