package org.gongji.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.visit.FeeLine;
import org.gongji.engine.AccumulatorDelta;
import org.gongji.engine.Breakdown;
import org.gongji.engine.TraceEntry;

/**
 * A settlement as booked (or previewed): the visit, the breakdown, what it added to the
 * accumulators and the trace.
 *
 * @param id null for a preview
 * @param bookedAt null for a preview
 * @param reversedAt null unless reversed
 * @param bookedBy the client that booked it (null for a preview or the platform itself)
 * @param reversedBy the client that reversed it, null unless reversed
 */
public record SettlementRecord(String id, SettlementStatus status, String personId, String institutionId, LocalDate date,
        String diseaseCode, List<FeeLine> lines, Breakdown breakdown, AccumulatorDelta delta, List<TraceEntry> trace,
        Instant bookedAt, Instant reversedAt, String bookedBy, String reversedBy) {

    public SettlementRecord {
        lines = List.copyOf(lines);
        trace = List.copyOf(trace);
    }

    /** A settlement booked by no client (a preview, the platform itself). */
    public SettlementRecord(String id, SettlementStatus status, String personId, String institutionId, LocalDate date,
            String diseaseCode, List<FeeLine> lines, Breakdown breakdown, AccumulatorDelta delta, List<TraceEntry> trace,
            Instant bookedAt, Instant reversedAt) {
        this(id, status, personId, institutionId, date, diseaseCode, lines, breakdown, delta, trace, bookedAt, reversedAt,
                null, null);
    }
}
