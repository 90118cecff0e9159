package org.gongji.store;

import java.util.List;
import java.util.Optional;
import org.gongji.api.region.RegionCode;

/**
 * Fund simulations (基金测算) of draft rules over a year of claims: a job ({@code simulation}) that
 * settles the region's booked settlements of the year (or an uploaded file of visits) again under the
 * rules in force and under the draft, and stores the result. Books nothing else.
 */
public interface SimulationService {

    /** A changed parameter of the draft; {@code from} null means 1 January of the simulated year. */
    record Change(String key, String value, java.time.LocalDate from) {
    }

    /**
     * What to simulate: the region's booked claims of the year, or, when {@code visits} is not empty,
     * the uploaded visits ({@link ClaimFile}) instead.
     */
    record Request(RegionCode region, int year, List<Change> changes, List<UploadedVisit> visits) {
        public Request {
            changes = List.copyOf(changes);
            visits = visits == null ? List.of() : List.copyOf(visits);
        }

        /** Over the region's booked claims of the year. */
        public Request(RegionCode region, int year, List<Change> changes) {
            this(region, year, changes, List.of());
        }

        public boolean uploaded() {
            return !visits.isEmpty();
        }
    }

    /**
     * Checks the request (region served, keys known to its table, values of the kind the table
     * holds), then stores a {@code QUEUED} job; a refusal stores nothing.
     *
     * @throws org.gongji.api.error.GongjiException {@code REGION_NOT_DEPLOYED}, {@code INVALID_REQUEST}
     */
    Booked<JobRecord> submit(Request request, WriteContext context);

    Optional<SimulationRecord> find(String simulationId);

    /** The simulation a {@code DONE} simulation job stored. */
    String simulationIdOf(JobRecord job);
}
