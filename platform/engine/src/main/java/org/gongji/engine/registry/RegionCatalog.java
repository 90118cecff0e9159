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
 * previous one keeps serving; a failed bundle never serves. Provinces are not checked. Fail
 * closed: a city serves only once checked against its province, so a city whose province is not
 * deployed (at start-up, or after the province was withdrawn) waits and says why. A version being
 * replaced ({@link #retire}) keeps serving until a newer one serves, so an update opens no gap.
 * Lookups read an immutable snapshot, so a settlement in flight keeps the {@link Region} it started with.
 */
public final class RegionCatalog implements RegionRegistry {

    private record Candidate(Object key, Region region, String version, long sequence, boolean retiring) {
    }

    private record Failure(RegionCode code, String version, String problem) {
    }

    private final Map<Object, Candidate> candidates = new LinkedHashMap<>();
    private final Map<Object, Failure> failures = new LinkedHashMap<>();
    /** The last check of each offer against a province: a violation stays refused while the province is away. */
    private final Map<Object, ConformanceReport> lastChecked = new HashMap<>();
    private long sequence;
    private final boolean failClosed;

    /** The runtime's catalog: a city serves only once checked against its province. */
    public RegionCatalog() {
        this(true);
    }

    /**
     * @param failClosed false only for a registry of one region at a time (tests, tools): a city
     *        whose province is not there serves unchecked
     */
    public RegionCatalog(boolean failClosed) {
        this.failClosed = failClosed;
    }
    private volatile Map<RegionCode, Region> serving = Map.of();
    /** The regions served by a current offer, not by one being replaced. */
    private volatile java.util.Set<RegionCode> servedCurrent = java.util.Set.of();
    private volatile List<RegionDeployment> deployments = List.of();

    /** A region bundle offers its region; {@code key} identifies the offer (e.g. the service reference). */
    public synchronized void deploy(Object key, Region region, String version) {
        candidates.put(key, new Candidate(key, region, version, ++sequence, false));
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

    /**
     * The offer is going (its bundle stops, perhaps to be updated in place): it keeps serving, after
     * every other version of its region, until {@link #withdraw}n. Its region answers meanwhile.
     */
    public synchronized void retire(Object key) {
        Candidate c = candidates.get(key);
        if (c != null && !c.retiring()) {
            candidates.put(key, new Candidate(c.key(), c.region(), c.version(), c.sequence(), true));
            recompute();
        }
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

    /** Whether the region serves from a current offer (not from a version being replaced). */
    public boolean servesCurrent(RegionCode code) {
        return servedCurrent.contains(code);
    }

    /** The conformance of the region that serves under this code, or of its latest refused version. */
    public Optional<RegionDeployment> deployment(RegionCode code) {
        return deployments.stream().filter(d -> code.equals(d.code())).findFirst();
    }

    private void recompute() {
        Map<RegionCode, List<Candidate>> byCode = new HashMap<>();
        candidates.values().forEach(c -> byCode.computeIfAbsent(c.region().metadata().code(), k -> new ArrayList<>()).add(c));
        // the newest first; a retiring version only where nothing else serves
        byCode.values().forEach(list -> list.sort(Comparator.comparing(Candidate::retiring)
                .thenComparing(Comparator.comparingLong(Candidate::sequence).reversed())));

        Map<RegionCode, Region> next = new HashMap<>();
        java.util.Set<RegionCode> current = new java.util.HashSet<>();
        List<RegionDeployment> report = new ArrayList<>();
        // provinces first: a city is checked against the province that serves
        List<RegionCode> codes = byCode.keySet().stream()
                .sorted(Comparator.comparing((RegionCode c) -> !c.isProvince()).thenComparing(RegionCode::value)).toList();
        for (RegionCode code : codes) {
            boolean chosen = false;
            for (Candidate c : byCode.get(code)) {
                Optional<RegionCode> province = provinceOf(c.region());
                ConformanceReport conformance = conformance(c.region(), next);
                boolean provinceAway = province.isPresent() && conformance.checkedAgainst() == null
                        && (failClosed || lastChecked.containsKey(c.key()));
                if (conformance.checkedAgainst() != null) {
                    lastChecked.put(c.key(), conformance);
                } else if (provinceAway && lastChecked.containsKey(c.key())) {
                    conformance = lastChecked.get(c.key());
                }
                DeploymentStatus status;
                String problem = null;
                if (conformance.violates()) {
                    status = DeploymentStatus.REFUSED;
                    problem = "violates the bounds of " + conformance.checkedAgainst()
                            + (provinceAway ? " (as last checked; the province is not deployed now)" : "");
                } else if (provinceAway) {
                    // fail closed: a city is not served unchecked
                    status = DeploymentStatus.WAITING;
                    problem = "does not serve: its province " + province.get() + " is not deployed, so it cannot be checked"
                            + " against the province's bounds" + (conformance.checkedAgainst() != null
                                    ? " (last checked: " + conformance.status() + ")" : "");
                } else if (!chosen) {
                    status = DeploymentStatus.SERVING;
                    next.put(code, c.region());
                    chosen = true;
                    if (c.retiring()) {
                        problem = "being replaced: serves until the new version serves";
                    } else {
                        current.add(code);
                    }
                } else if (c.retiring()) {
                    continue;
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
        servedCurrent = java.util.Set.copyOf(current);
        deployments = List.copyOf(report);
    }

    /** The province a city is checked against; empty for a province. */
    private static Optional<RegionCode> provinceOf(Region region) {
        RegionCode code = region.metadata().code();
        return code.isProvince() ? Optional.empty() : region.metadata().parentCode().or(code::parentProvince);
    }

    private static ConformanceReport conformance(Region region, Map<RegionCode, Region> servingSoFar) {
        Optional<RegionCode> parent = provinceOf(region);
        if (parent.isEmpty() || !servingSoFar.containsKey(parent.get())) {
            return ConformanceReport.notChecked(region.metadata().code());
        }
        return ConformanceCheck.check(region, servingSoFar.get(parent.get()));
    }
}
