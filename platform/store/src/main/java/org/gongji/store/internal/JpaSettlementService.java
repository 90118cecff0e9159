package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.Relation;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.Visit;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.SettlementRequest;
import org.gongji.engine.SettlementResult;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.Booked;
import org.gongji.store.LedgerEntry.EntryKind;
import org.gongji.store.SettlementCommand;
import org.gongji.store.SettlementRecord;
import org.gongji.store.SettlementService;
import org.gongji.store.SettlementStatus;
import org.gongji.store.WriteContext;

/**
 * Settles with the engine over what the store holds, and books the result in one transaction
 * under the person's account lock.
 */
final class JpaSettlementService implements SettlementService {

    private final Database db;
    private final RegionRegistry regions;
    private final SettlementEngine engine = new SettlementEngine();
    private final Journal journal;
    private final Clock clock;
    private final RowIds ids;

    JpaSettlementService(Database db, RegionRegistry regions, Journal journal, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.journal = journal;
        this.clock = clock;
        this.ids = new RowIds(clock);
    }

    @Override
    public SettlementRecord preview(SettlementCommand command) {
        return db.read(em -> {
            Inputs in = inputs(em, command);
            AccountRow account = em.find(AccountRow.class, command.personId());
            SettlementResult result = compute(em, in, command, Money.ofFen(account.balanceFen));
            return record(null, SettlementStatus.PREVIEW, command, result, null, null);
        });
    }

    @Override
    public Booked<SettlementRecord> settle(SettlementCommand command, WriteContext context) {
        return db.write(em -> {
            String id = ids.next();
            Optional<String> seen = journal.claim(em, context, "settle", id);
            if (seen.isPresent()) {
                return new Booked<>(Rows.settlement(em.find(SettlementRow.class, seen.get())), true);
            }
            Inputs in = inputs(em, command);
            requireOpenPeriod(em, in.person().region().value(), command.date());
            AccountRow account = Ledger.lock(em, command.personId());
            SettlementResult result = compute(em, in, command, Money.ofFen(account.balanceFen));
            Instant now = clock.instant();
            SettlementRecord booked = record(id, SettlementStatus.BOOKED, command, result, now, context.clientId());

            SettlementRow settled = Rows.settlementRow(booked, command.useAccount());
            settled.filed = command.filed();
            em.persist(settled);
            YearRow year = em.find(YearRow.class, yearKey(command.personId(), result.delta().year()));
            if (year == null) {
                year = new YearRow();
                year.personId = command.personId();
                year.yearNo = result.delta().year();
                Rows.fill(year, result.yearToDate());
                em.persist(year);
            } else {
                Rows.fill(year, result.yearToDate());
            }
            Money accountPaid = result.breakdown().accountPaid();
            if (accountPaid.isPositive()) {
                Ledger.book(em, account, command.date(), accountPaid.negate(), EntryKind.SETTLEMENT, booked.id(),
                        "acct_pay of settlement at " + command.institutionId(), now);
            }
            journal.audit(em, context, result.breakdown().region().value(), "SETTLE", "settlement/" + booked.id(), "person " + command.personId()
                    + " fund " + result.breakdown().fundPaid() + " account " + accountPaid);
            return new Booked<>(booked, false);
        });
    }

    @Override
    public Optional<SettlementRecord> settlement(String settlementId) {
        return db.read(em -> Optional.ofNullable(em.find(SettlementRow.class, settlementId)).map(Rows::settlement));
    }

    @Override
    public Booked<SettlementRecord> reverse(String settlementId, WriteContext context) {
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "reverse", settlementId);
            if (seen.isPresent()) {
                return new Booked<>(Rows.settlement(em.find(SettlementRow.class, seen.get())), true);
            }
            SettlementRow row = em.find(SettlementRow.class, settlementId);
            if (row == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_SETTLEMENT, "no settlement " + settlementId);
            }
            AccountRow account = Ledger.lock(em, row.personId);
            em.refresh(row); // what a reversal committed while this one waited for the lock
            requireOpenPeriod(em, row.region, row.visitDate);
            if (!SettlementStatus.BOOKED.name().equals(row.status)) {
                throw new GongjiException(ErrorCode.ALREADY_REVERSED, "settlement " + settlementId + " was reversed at "
                        + Rows.instant(row.reversedAt));
            }
            Instant now = clock.instant();
            YearRow year = em.find(YearRow.class, yearKey(row.personId, row.deltaYear));
            Rows.fill(year, Rows.delta(row).revertFrom(Rows.yearToDate(year)));
            if (row.accountPaidFen > 0) {
                Ledger.book(em, account, LocalDate.ofInstant(now, clock.getZone()), Money.ofFen(row.accountPaidFen),
                        EntryKind.REVERSAL, row.id, "acct_pay returned by reversal", now);
            }
            row.status = SettlementStatus.REVERSED.name();
            row.reversedAt = Rows.utc(now);
            row.reversedBy = context.clientId();
            journal.audit(em, context, row.region, "REVERSE", "settlement/" + row.id, "person " + row.personId
                    + " fund " + Money.ofFen(row.fundPaidFen) + " account " + Money.ofFen(row.accountPaidFen));
            return new Booked<>(Rows.settlement(row), false);
        });
    }

    @Override
    public boolean hasSettled(String personId, String institutionId) {
        return db.read(em -> !em.createQuery("SELECT s.id FROM SettlementRow s WHERE s.personId = :p AND s.institutionId = :i",
                String.class).setParameter("p", personId).setParameter("i", institutionId).setMaxResults(1)
                .getResultList().isEmpty());
    }

    @Override
    public YearToDate accumulators(String personId, int year) {
        return db.read(em -> {
            if (em.find(PersonRow.class, personId) == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + personId);
            }
            YearRow row = em.find(YearRow.class, yearKey(personId, year));
            return row == null ? YearToDate.empty(year) : Rows.yearToDate(row);
        });
    }

    /**
     * A settlement dated in a period whose provider payment is confirmed would never be paid (or
     * clawed back); a draft closes nothing, a revoked run no more.
     */
    private static void requireOpenPeriod(EntityManager em, String region, LocalDate date) {
        List<PaymentRunRow> runs = em.createQuery("SELECT r FROM PaymentRunRow r WHERE r.region = :r"
                + " AND r.periodFrom <= :d AND r.periodTo >= :d AND r.status = :confirmed", PaymentRunRow.class)
                .setParameter("r", region).setParameter("d", date).setParameter("confirmed", "CONFIRMED")
                .setMaxResults(1).getResultList();
        if (!runs.isEmpty()) {
            PaymentRunRow run = runs.get(0);
            throw new GongjiException(ErrorCode.PERIOD_CLOSED, "region " + region + " has paid its providers for "
                    + run.period + " (" + run.method + ", run " + run.id + "): " + date + " can no longer be booked or reversed");
        }
    }

    private record Inputs(Person person, Institution institution, Region region) {
    }

    private Inputs inputs(EntityManager em, SettlementCommand command) {
        LocalDate today = LocalDate.now(clock);
        if (command.date().isAfter(today)) {
            throw new GongjiException(ErrorCode.DATE_IN_FUTURE, "a visit dated " + command.date() + " is after today " + today);
        }
        PersonRow p = em.find(PersonRow.class, command.personId());
        if (p == null) {
            throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + command.personId());
        }
        InstitutionRow i = em.find(InstitutionRow.class, command.institutionId());
        if (i == null) {
            throw new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "no institution " + command.institutionId());
        }
        Person person = PersonVersions.inForce(em, p, command.date());
        return new Inputs(person, Rows.institution(i), regions.rulesFor(person.region(), command.date()));
    }

    private SettlementResult compute(EntityManager em, Inputs in, SettlementCommand command, Money balance) {
        YearRow year = em.find(YearRow.class, yearKey(command.personId(), command.date().getYear()));
        YearToDate ytd = year == null ? null : Rows.yearToDate(year);
        Visit visit = new Visit(command.date(), command.medType(), in.institution(), command.diseaseCode(), command.lines(),
                command.filed());
        boolean useAccount = command.useAccount() && ownUseAllowed(in, command.date());
        return engine.settle(new SettlementRequest(in.person(), visit, in.region(), ytd, balance, useAccount));
    }

    /** The account pays the holder's own share only where the region's rules allow that use. */
    private static boolean ownUseAllowed(Inputs in, LocalDate date) {
        AccountPurpose purpose = in.institution().level() == InstitutionLevel.PHARMACY
                ? AccountPurpose.PHARMACY_PURCHASE
                : AccountPurpose.MEDICAL_COST;
        return in.region().accountCrediting().map(a -> a.use(Relation.SELF, purpose, date).allowed()).orElse(true);
    }

    private static SettlementRecord record(String id, SettlementStatus status, SettlementCommand command,
            SettlementResult result, Instant bookedAt, String bookedBy) {
        return new SettlementRecord(id, status, command.personId(), command.institutionId(), command.date(),
                command.diseaseCode(), command.lines(), result.breakdown(), result.delta(), result.trace(), bookedAt, null,
                bookedBy, null);
    }

    static YearRow.Key yearKey(String personId, int year) {
        YearRow.Key key = new YearRow.Key();
        key.personId = personId;
        key.yearNo = year;
        return key;
    }
}
