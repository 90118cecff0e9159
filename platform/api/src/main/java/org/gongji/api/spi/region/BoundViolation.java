package org.gongji.api.spi.region;

import java.time.LocalDate;
import org.gongji.api.region.Citation;

/**
 * A city number outside a province's bound.
 *
 * @param parameter the city's parameter key (or keys) that violate the bound
 * @param actual the city's value as written
 * @param bound the bound as a bureau reads it ("≤ 300.00")
 * @param from the first date of the period checked
 */
public record BoundViolation(String boundId, String parameter, String actual, String bound, Citation citation, LocalDate from) {
}
