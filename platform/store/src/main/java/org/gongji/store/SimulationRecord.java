package org.gongji.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongji.engine.simulation.SimulationResult;

/**
 * A stored simulation: what was asked, both sides' figures and the draft's conformance.
 *
 * @param rulesRegion whose rules settle the region's claims (the province's for a city without a bundle)
 * @param claims {@code BOOKED} (the region's booked settlements of the year) or {@code UPLOADED} (a claim file)
 * @param personsWithLateReversal persons of whom a settlement was reversed after a later one of theirs
 *                                had been booked: their booked figures were computed on accumulators
 *                                that still held the reversed one, so settling again may differ
 */
public record SimulationRecord(String simulationId, String region, String rulesRegion, int year, String claims,
        List<ChangedParameter> changes, SimulationResult result, DraftConformance conformance,
        long personsWithLateReversal, Instant ranAt) {

    public SimulationRecord {
        claims = claims == null ? "BOOKED" : claims;
    }

    /** A parameter the draft changes, with the row it replaces on the change's date. */
    public record ChangedParameter(String key, String value, LocalDate from, String replacedValue,
            LocalDate replacedFrom, String replacedCitation, boolean replacedAssumption) {
    }

    /** The draft against the province's bounds ({@code CONFORMS}, {@code VIOLATES} or {@code NOT_CHECKED}). */
    public record DraftConformance(String status, String checkedAgainst, List<Violation> violations) {
    }

    public record Violation(String parameter, String actual, String bound, String citation, LocalDate from) {
    }
}
