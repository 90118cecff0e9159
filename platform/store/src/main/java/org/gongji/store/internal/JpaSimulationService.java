package org.gongji.store.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongji.store.Booked;
import org.gongji.store.JobRecord;
import org.gongji.store.JobStatus;
import org.gongji.store.SimulationRecord;
import org.gongji.store.SimulationService;
import org.gongji.store.WriteContext;

/** Simulations as jobs of kind {@code simulation}; their results in {@code gj_simulation}. */
final class JpaSimulationService implements SimulationService {

    private final Database db;
    private final JpaJobService jobs;

    JpaSimulationService(Database db, JpaJobService jobs) {
        this.db = db;
        this.jobs = jobs;
    }

    @Override
    public Booked<JobRecord> submit(Request request, WriteContext context) {
        return jobs.submit(SimulationJob.KIND, request.region(), SimulationJob.input(request), context, "simulation");
    }

    @Override
    public Optional<SimulationRecord> find(String simulationId) {
        List<?> found = db.read(em -> em.createNativeQuery("SELECT result FROM gj_simulation WHERE id = ?1")
                .setParameter(1, simulationId).getResultList());
        return found.stream().findFirst().map(json -> SimulationJob.read(String.valueOf(json), SimulationRecord.class));
    }

    @Override
    public String simulationIdOf(JobRecord job) {
        if (!SimulationJob.KIND.equals(job.kind()) || job.status() != JobStatus.DONE) {
            throw new IllegalArgumentException("job " + job.id() + " is no finished simulation");
        }
        return String.valueOf(SimulationJob.read(job.result(), Map.class).get("simulationId"));
    }
}
