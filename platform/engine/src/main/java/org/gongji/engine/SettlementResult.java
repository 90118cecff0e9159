package org.gongji.engine;

import java.util.List;
import org.gongji.api.spi.benefit.YearToDate;

/** The outcome of a settlement: the breakdown, the accumulators after it, what it added, and the trace. */
public record SettlementResult(Breakdown breakdown, YearToDate yearToDate, AccumulatorDelta delta, List<TraceEntry> trace) {

    public SettlementResult {
        trace = java.util.Collections.unmodifiableList(trace);
    }
}
