package org.gongji.engine;

import org.gongji.api.money.Money;
import org.gongji.api.region.Citation;

/**
 * One step of a settlement as a bureau reads it: what was computed, the amount, the parameter
 * used, and the clause that set it (null for plain arithmetic).
 */
public record TraceEntry(String step, Money amount, String parameter, Citation citation) {
}
