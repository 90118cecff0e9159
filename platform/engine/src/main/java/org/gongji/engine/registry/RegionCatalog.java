package org.gongji.engine.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;

/**
 * Decides which deployed region bundle serves each region. The newest version of a region that
 * conforms to its province's bounds serves; a version that violates them is refused and the
 * previous one keeps serving; a failed bundle never serves. Provinces are not checked; a city
 * whose province is not deployed serves unchecked. Lookups read an immutable snapshot, so a
 * settlement in flight keeps the {@link Region} it started with.
 */
public final class RegionCatalog implements RegionRegistry {

    private record Candidate(Object key, Region region, String version, long sequence) {
    }

    private record Failure(RegionCode code, String version, String problem) {
    }

    private final Map<Object, Candidate> candidates = new LinkedHashMap<>();
    private final Map<Object, Failure> failures = new LinkedHashMap<>();
    /** The last check of each offer against a province: a violation stays refused while the province is away. */
    private final Map<Object, ConformanceReport> lastChecked = new HashMap<>();
    private long sequence;
    private volatile Map<RegionCode, Region> serving = Map.of();
    private volatile List<RegionDeployment> deployments = List.of();

    /** A region bundle offers its region; {@code key} identifies the offer (e.g. the service reference). */
    public synchronized void deploy(Object key, Region region, String version) {
        candidates.put(key, new Candidate(key, region, version, ++sequence));
        failures.remove(key);
        recompute();
    }

    /** The offer is gone (bundle stopped, updated or uninstalled). */
    public synchronized void withdraw(Object key) {
        candidates.remove(key);
        lastChecked.remove(key);
        failures.remove(key);
        recompute();
    }

    /** A bundle failed to resolve or activate; shown to operators, never served. */
    public synchronized void fail(Object key, RegionCode code, String version, String problem) {
        failures.put(key, new Failure(code, version, problem));
        recompute();
    }

    @Override
    public Optional<Region> find(RegionCode code) {
        return Optional.ofNullable(serving.get(code));
    }

    @Override
    public Collection<Region> all() {
        return serving.values();
    }

    @Override
    public List<RegionDeployment> deployments() {
        return deployments;
    }

    /** The conformance of the region that serves under this code, or of its latest refused version. */
    public Optional<RegionDeployment> deployment(RegionCode code) {
        return deployments.stream().filter(d -> code.equals(d.code())).findFirst();
    }

    private void recompute() {
        Map<RegionCode, List<Candidate>> byCode = new HashMap<>();
        candidates.values().forEach(c -> byCode.computeIfAbsent(c.region().metadata().code(), k -> new ArrayList<>()).add(c));
        byCode.values().forEach(list -> list.sort(Comparator.comparingLong(Candidate::sequence).reversed()));

        Map<RegionCode, Region> next = new HashMap<>();
        List<RegionDeployment> report = new ArrayList<>();
        // provinces first: a city is checked against the province that serves
        List<RegionCode> codes = byCode.keySet().stream()
                .sorted(Comparator.comparing((RegionCode c) -> !c.isProvince()).thenComparing(RegionCode::value)).toList();
        for (RegionCode code : codes) {
            boolean chosen = false;
            for (Candidate c : byCode.get(code)) {
                ConformanceReport conformance = conformance(c.region(), next);
                boolean provinceAway = conformance.checkedAgainst() == null && lastChecked.containsKey(c.key());
                if (conformance.checkedAgainst() != null) {
                    lastChecked.put(c.key(), conformance);
                } else if (provinceAway) {
                    conformance = lastChecked.get(c.key());
                }
                DeploymentStatus status;
                String problem = null;
                if (conformance.violates()) {
                    status = DeploymentStatus.REFUSED;
                    problem = "violates the bounds of " + conformance.checkedAgainst()
                            + (provinceAway ? " (as last checked; the province is not deployed now)" : "");
                } else if (!chosen) {
                    status = DeploymentStatus.SERVING;
                    next.put(code, c.region());
                    chosen = true;
                } else {
                    status = DeploymentStatus.STANDBY;
                }
                report.add(new RegionDeployment(code, Optional.of(c.region()), c.version(), status, conformance,
                        RegionDeployment.providedBy(c.region()), problem));
            }
        }
        failures.values().forEach(f -> report.add(new RegionDeployment(f.code(), Optional.empty(), f.version(),
                DeploymentStatus.FAILED, ConformanceReport.notChecked(f.code()), List.of(), f.problem())));
        report.sort(Comparator.comparing((RegionDeployment d) -> d.code() == null ? "" : d.code().value())
                .thenComparing(d -> d.status().ordinal()));
        serving = Map.copyOf(next);
        deployments = List.copyOf(report);
    }

    private static ConformanceReport conformance(Region region, Map<RegionCode, Region> servingSoFar) {
        RegionCode code = region.metadata().code();
        Optional<RegionCode> parent = region.metadata().parentCode().or(code::parentProvince);
        if (code.isProvince() || parent.isEmpty() || !servingSoFar.containsKey(parent.get())) {
            return ConformanceReport.notChecked(code);
        }
        return ConformanceCheck.check(region, servingSoFar.get(parent.get()));
    }
}
