package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.Relation;
import org.gongji.api.region.Citation;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.account.AccountCredit;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.api.spi.account.AccountUseDecision;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.AccountService;
import org.gongji.store.AccountStatement;
import org.gongji.store.Booked;
import org.gongji.store.CreditingResult;
import org.gongji.store.FamilyPayment;
import org.gongji.store.JobRecord;
import org.gongji.store.JobStatus;
import org.gongji.store.LedgerEntry;
import org.gongji.store.LedgerEntry.EntryKind;
import org.gongji.store.PaymentRecord;
import org.gongji.store.WriteContext;

final class JpaAccountService implements AccountService {

    private final Database db;
    private final RegionRegistry regions;
    private final Journal journal;
    private final Clock clock;
    private final RowIds ids;
    private final JpaJobService jobs;

    JpaAccountService(Database db, RegionRegistry regions, Journal journal, Clock clock, JpaJobService jobs) {
        this.db = db;
        this.jobs = jobs;
        this.regions = regions;
        this.journal = journal;
        this.clock = clock;
        this.ids = new RowIds(clock);
    }

    @Override
    public AccountStatement statement(String personId) {
        return db.read(em -> {
            AccountRow account = em.find(AccountRow.class, personId);
            if (account == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + personId);
            }
            List<EntryRow> rows = em.createQuery(
                    "SELECT e FROM EntryRow e WHERE e.personId = :p ORDER BY e.seq", EntryRow.class)
                    .setParameter("p", personId).getResultList();
            long sum = 0;
            for (EntryRow e : rows) {
                sum += e.amountFen;
            }
            if (sum != account.balanceFen) {
                throw new IllegalStateException("the ledger of " + personId + " sums to " + Money.ofFen(sum)
                        + " but the balance is " + Money.ofFen(account.balanceFen));
            }
            List<LedgerEntry> entries = rows.stream().map(e -> new LedgerEntry(e.seq, e.entryDate, Money.ofFen(e.amountFen),
                    EntryKind.valueOf(e.kind), e.reference, e.note, Money.ofFen(e.balanceAfterFen),
                    Rows.instant(e.bookedAt))).toList();
            return new AccountStatement(personId, Money.ofFen(account.balanceFen), entries);
        });
    }

    @Override
    public Booked<CreditingResult> creditMonth(RegionCode region, YearMonth month, WriteContext context) {
        Booked<JobRecord> submitted = submitCrediting(region, month, context);
        JobRecord job = jobs.awaitDone(submitted.value().id());
        return new Booked<>(creditingResult(job), submitted.replayed());
    }

    @Override
    public Booked<JobRecord> submitCrediting(RegionCode region, YearMonth month, WriteContext context) {
        return jobs.submit(CreditingJob.KIND, region, CreditingJob.input(region, month), context, "credit-month");
    }

    @Override
    public CreditingResult creditingResult(JobRecord job) {
        if (!CreditingJob.KIND.equals(job.kind()) || job.status() != JobStatus.DONE) {
            throw new IllegalArgumentException("job " + job.id() + " is no finished crediting job");
        }
        return CreditingJob.decode(job.region(), job.result());
    }

    @Override
    public Booked<PaymentRecord> pay(FamilyPayment payment, WriteContext context) {
        if (!payment.amount().isPositive()) {
            throw new GongjiException(ErrorCode.INVALID_AMOUNT, "a payment is positive, not " + payment.amount());
        }
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "family-payment");
            if (seen.isPresent()) {
                return new Booked<>(record(em.find(PaymentRow.class, seen.get())), true);
            }
            PersonRow payerRow = em.find(PersonRow.class, payment.payerPersonId());
            if (payerRow == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + payment.payerPersonId());
            }
            PersonRow beneficiaryRow = em.find(PersonRow.class, payment.beneficiaryPersonId());
            if (beneficiaryRow == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + payment.beneficiaryPersonId());
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            Person payer = PersonVersions.inForce(em, payerRow, today);
            // 本人及其配偶、父母、子女: declared by either of the two, as in force today
            Relation relation = payer.relationOf(payment.beneficiaryPersonId())
                    .or(() -> PersonVersions.inForce(em, beneficiaryRow, today).relationOf(payer.id()).map(Relation::inverse))
                    .orElseThrow(() -> new GongjiException(ErrorCode.ACCOUNT_USE_NOT_ALLOWED, payment.beneficiaryPersonId()
                            + " and " + payer.id() + " have declared no close family relation (spouse, parent, child)"));
            AccountUseDecision decision = regions.rulesFor(payer.region(), today).accountCrediting()
                    .map(a -> a.use(relation, payment.purpose(), today, payer.region(),
                            org.gongji.api.region.RegionCode.of(beneficiaryRow.region)))
                    .orElseThrow(() -> new GongjiException(ErrorCode.ACCOUNT_USE_NOT_ALLOWED,
                            "the rules serving " + payer.region() + " set no use of personal accounts"));
            if (!decision.allowed()) {
                throw new GongjiException(ErrorCode.ACCOUNT_USE_NOT_ALLOWED, "the account of " + payer.id()
                        + " may not pay " + payment.purpose() + " for " + relation + ": " + decision.reason()
                        + (decision.citation() == null ? "" : " (" + decision.citation() + ")"));
            }
            AccountRow account = Ledger.lock(em, payer.id());
            String id = ids.next();
            EntryRow entry = Ledger.book(em, account, today, payment.amount().negate(), EntryKind.FAMILY_PAYMENT, id,
                    payment.purpose() + " for " + relation + " " + payment.beneficiaryPersonId(), now);
            PaymentRow row = new PaymentRow();
            row.id = id;
            row.payerPersonId = payer.id();
            row.beneficiaryPersonId = payment.beneficiaryPersonId();
            row.relation = relation.name();
            row.purpose = payment.purpose().name();
            row.amountFen = payment.amount().fen();
            row.paymentDate = today;
            row.balanceAfterFen = entry.balanceAfterFen;
            row.ruleText = decision.reason();
            Citation c = decision.citation();
            row.citationDocument = c == null ? null : c.document();
            row.citationClause = c == null ? null : c.clause();
            row.citationAssumption = c != null && c.assumption();
            row.bookedAt = Rows.utc(now);
            em.persist(row);
            journal.complete(em, context, id);
            journal.audit(em, context, payer.region().value(), "FAMILY_PAYMENT", "person/" + payer.id() + "/account",
                    payment.amount() + " " + payment.purpose() + " for " + relation + " " + payment.beneficiaryPersonId());
            return new Booked<>(record(row), false);
        });
    }

    private static PaymentRecord record(PaymentRow r) {
        Citation c = r.citationDocument == null ? null : new Citation(r.citationDocument, r.citationClause, r.citationAssumption);
        return new PaymentRecord(r.id, r.payerPersonId, r.beneficiaryPersonId, Relation.valueOf(r.relation),
                AccountPurpose.valueOf(r.purpose), Money.ofFen(r.amountFen), r.paymentDate, Money.ofFen(r.balanceAfterFen),
                r.ruleText, c);
    }
}
