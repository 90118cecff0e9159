package org.gongji.rest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gongji.store.JobService;
import org.gongji.store.JobStatus;
import org.gongji.store.Store;
import org.gongji.store.StoreMonitor;

/**
 * The node's meters, in the Prometheus text format at {@code GET /metrics}: settlements by region
 * and outcome, their latency, the group commit, the writers' queue, the connection pool (HikariCP's
 * own meters), jobs by kind and status, and the JVM. One registry per server.
 */
public final class Metrics implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());
    /** Outcome of a settlement answered from the first result of its idempotency key. */
    static final String REPLAYED = "replayed";
    static final String BOOKED = "booked";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, Counter> settlements = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> jobs = new ConcurrentHashMap<>();
    private volatile JobService jobService;
    private volatile StoreMonitor.Subscription commits;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Meters what the store reports: its writers, its group commit, its pool, its jobs. */
    public Metrics watch(Store store) {
        store.monitor().ifPresent(this::watch);
        jobService = store.jobs();
        return this;
    }

    private void watch(StoreMonitor monitor) {
        gauge("gongji.writer.queued", "writes waiting for a group-commit writer", monitor, m -> m.writers().queued());
        gauge("gongji.writer.oldest.wait", "milliseconds the oldest queued write has waited", monitor,
                m -> m.writers().oldestWaitMillis());
        gauge("gongji.writer.threads", "group-commit writer threads", monitor, m -> m.writers().writers());
        FunctionCounter.builder("gongji.commit.conflicts", monitor, m -> m.writers().conflicts())
                .description("batches rolled back for a lock conflict and run write by write").register(registry);
        FunctionCounter.builder("gongji.commit.retries", monitor, m -> m.writers().retries())
                .description("writes run once more after a conflict").register(registry);
        gauge("gongji.db.pool.active", "connections in use", monitor, m -> m.pool().active());
        gauge("gongji.db.pool.idle", "connections idle in the pool", monitor, m -> m.pool().idle());
        gauge("gongji.db.pool.max", "connections the pool opens at most", monitor, m -> m.pool().max());
        gauge("gongji.db.pool.waiting", "threads waiting for a connection", monitor, m -> m.pool().waiting());
        DistributionSummary batch = DistributionSummary.builder("gongji.commit.writes")
                .description("writes one group commit held").serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(registry);
        Timer commit = Timer.builder("gongji.commit.duration").description("a batch from its start to its commit")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        commits = monitor.onCommit((writes, nanos) -> {
            batch.record(writes);
            commit.record(nanos, TimeUnit.NANOSECONDS);
        });
        // Hikari takes one registry per pool, for the pool's life: a server started again over the
        // same store (a configuration change) serves the gongji_db_pool_* gauges, not hikaricp_*
        if (!monitor.trackPool(registry)) {
            LOG.info("the connection pool reports to another registry already: hikaricp_* meters are not served here");
        }
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /**
     * One settlement answered.
     *
     * @param region the region whose rules settled it, or {@code unknown}
     * @param outcome {@code booked}, {@code replayed}, or the error code it was refused with
     */
    void settled(String region, String outcome, long nanos) {
        settlements.computeIfAbsent(region + ' ' + outcome, k -> Counter.builder("gongji.settlements")
                .description("settlements answered, by region and outcome (booked, replayed or the refusal's code)")
                .tags("region", region, "outcome", outcome).register(registry)).increment();
        String result = BOOKED.equals(outcome) || REPLAYED.equals(outcome) ? outcome : "refused";
        latency.computeIfAbsent(result, k -> Timer.builder("gongji.settlement.duration")
                .description("POST /api/v1/settlements: settling and booking, from the checked request to the commit").tags("result", result)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The text Prometheus scrapes, with the jobs counted as they stand now. */
    String scrape() {
        countJobs();
        return registry.scrape();
    }

    private void countJobs() {
        JobService service = jobService;
        if (service == null) {
            return;
        }
        try {
            jobs.values().forEach(n -> n.set(0));
            for (JobService.Tally t : service.tallies()) {
                jobs.computeIfAbsent(t.kind() + ' ' + t.status(), k -> jobGauge(t.kind(), t.status())).set(t.jobs());
            }
        } catch (RuntimeException e) {
            // the database may be away: the other meters are still worth serving
            LOG.log(Level.FINE, "jobs not counted", e);
        }
    }

    private AtomicLong jobGauge(String kind, JobStatus status) {
        AtomicLong n = new AtomicLong();
        Gauge.builder("gongji.jobs", n, AtomicLong::get).description("jobs stored, by kind and status")
                .tags(Tags.of("kind", kind, "status", status.name())).register(registry);
        return n;
    }

    @Override
    public void close() {
        StoreMonitor.Subscription listening = commits;
        if (listening != null) {
            listening.close();
        }
        gc.close();
        registry.close();
    }
}
