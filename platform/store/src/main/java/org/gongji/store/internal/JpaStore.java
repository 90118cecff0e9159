package org.gongji.store.internal;

import java.time.Clock;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.AccountService;
import org.gongji.store.AuditLog;
import org.gongji.store.Backups;
import org.gongji.store.JobService;
import org.gongji.store.ClientDirectory;
import org.gongji.store.OpenStore;
import org.gongji.store.PersonDirectory;
import org.gongji.store.ProviderPaymentService;
import org.gongji.store.SettlementService;
import org.gongji.store.SimulationService;
import org.gongji.store.StoreConfig;
import org.gongji.store.StoreTuning;

/** The store over one database, in plain Java; {@link StoreComponent} wraps it in OSGi. */
public final class JpaStore implements OpenStore {

    private final Database db;
    private final PersonDirectory persons;
    private final SettlementService settlements;
    private final AccountService accounts;
    private final ProviderPaymentService providerPayments;
    private final JpaJobService jobs;
    private final SimulationService simulations;
    private final Clock clock;
    private final JpaClientDirectory clients;
    private final AuditLog audit;
    private final Backups backups;

    private JpaStore(Database db, RegionRegistry regions, Clock clock, int creditChunk) {
        this.db = db;
        this.clock = clock;
        Journal journal = new Journal(clock);
        this.jobs = new JpaJobService(db, journal, clock);
        this.clients = new JpaClientDirectory(db, journal, clock);
        this.audit = new JpaAuditLog(db);
        JpaPersonDirectory directory = new JpaPersonDirectory(db, regions, journal, clock, jobs);
        this.persons = directory;
        this.settlements = new JpaSettlementService(db, regions, journal, clock);
        this.accounts = new JpaAccountService(db, regions, journal, clock, jobs);
        JpaProviderPaymentService payments = new JpaProviderPaymentService(db, regions, journal, clock, jobs);
        this.providerPayments = payments;
        jobs.register(new CreditingJob(db, regions, journal, clock, creditChunk));
        jobs.register(new ProviderPaymentJob(payments));
        jobs.register(new SimulationJob(db, regions, clock));
        directory.importJobs().forEach(jobs::register);
        this.simulations = new JpaSimulationService(db, jobs);
        this.backups = new DerbyBackups(db.config(), db.direct(), clock);
        jobs.start();
    }

    public static JpaStore open(StoreConfig config, RegionRegistry regions, Clock clock) {
        return open(config, regions, clock, StoreTuning.defaults(), CreditingJob.CHUNK);
    }

    /** As {@link #open(StoreConfig, RegionRegistry, Clock)}, with at most {@code writeBatch} writes in one transaction. */
    public static JpaStore open(StoreConfig config, RegionRegistry regions, Clock clock, int writeBatch) {
        return open(config, regions, clock, writeBatch, CreditingJob.CHUNK);
    }

    /**
     * As {@link #open(StoreConfig, RegionRegistry, Clock, int)}, crediting {@code creditChunk} persons
     * a chunk (a transaction of a crediting job).
     */
    public static JpaStore open(StoreConfig config, RegionRegistry regions, Clock clock, int writeBatch, int creditChunk) {
        return open(config, regions, clock, StoreTuning.defaults().withWriteBatch(writeBatch), creditChunk);
    }

    /** With the given group commit and pool settings, crediting {@code creditChunk} persons a chunk. */
    public static JpaStore open(StoreConfig config, RegionRegistry regions, Clock clock, StoreTuning tuning, int creditChunk) {
        JpaStore store = new JpaStore(Database.open(config, tuning), regions, clock, creditChunk);
        try {
            store.clients.bootstrap(config.dataFolder());
            if (!config.embedded()) {
                store.clients.startRefreshing(); // other nodes create and revoke clients too
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public PersonDirectory persons() {
        return persons;
    }

    @Override
    public SettlementService settlements() {
        return settlements;
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public ProviderPaymentService providerPayments() {
        return providerPayments;
    }

    Database db() {
        return db;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public ClientDirectory clients() {
        return clients;
    }

    @Override
    public JobService jobs() {
        return jobs;
    }

    @Override
    public SimulationService simulations() {
        return simulations;
    }

    @Override
    public Backups backups() {
        return backups;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public java.util.Optional<org.gongji.store.StoreMonitor> monitor() {
        return java.util.Optional.of(db.monitor());
    }

    @Override
    public void close() {
        jobs.close();
        clients.close();
        db.close();
    }
}
