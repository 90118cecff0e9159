package org.gongji.store.internal;

import java.time.Clock;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.AccountService;
import org.gongji.store.OpenStore;
import org.gongji.store.PersonDirectory;
import org.gongji.store.ProviderPaymentService;
import org.gongji.store.SettlementService;
import org.gongji.store.StoreConfig;

/** The store over one database, in plain Java; {@link StoreComponent} wraps it in OSGi. */
public final class JpaStore implements OpenStore {

    private final Database db;
    private final PersonDirectory persons;
    private final SettlementService settlements;
    private final AccountService accounts;
    private final ProviderPaymentService providerPayments;

    private JpaStore(Database db, RegionRegistry regions, Clock clock) {
        this.db = db;
        Journal journal = new Journal(clock);
        this.persons = new JpaPersonDirectory(db, regions, journal, clock);
        this.settlements = new JpaSettlementService(db, regions, journal, clock);
        this.accounts = new JpaAccountService(db, regions, journal, clock);
        this.providerPayments = new JpaProviderPaymentService(db, regions, journal, clock);
    }

    public static JpaStore open(StoreConfig config, RegionRegistry regions, Clock clock) {
        return open(config, regions, clock, GroupCommit.DEFAULT_MAX_BATCH);
    }

    /** As {@link #open(StoreConfig, RegionRegistry, Clock)}, with at most {@code writeBatch} writes in one transaction. */
    public static JpaStore open(StoreConfig config, RegionRegistry regions, Clock clock, int writeBatch) {
        return new JpaStore(Database.open(config, writeBatch), regions, clock);
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

    @Override
    public void close() {
        db.close();
    }
}
