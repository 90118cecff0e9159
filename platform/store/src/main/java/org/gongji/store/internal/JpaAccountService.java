package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    JpaAccountService(Database db, RegionRegistry regions, Journal journal, Clock clock) {
        this.db = db;
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
        if (month.isAfter(YearMonth.now(clock))) {
            throw new GongjiException(ErrorCode.DATE_IN_FUTURE, "the month " + month + " has not begun");
        }
        AccountCrediting crediting = regions.rulesFor(region, month.atDay(1)).accountCrediting()
                .orElseThrow(() -> new GongjiException(ErrorCode.BENEFIT_NOT_COVERED,
                        "the rules serving " + region + " do not credit personal accounts"));
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "credit-month");
            if (seen.isPresent()) {
                return new Booked<>(decode(region, month, seen.get()), true);
            }
            CreditingRunRow run = lockRun(em, region, month);
            Instant now = clock.instant();
            String reference = month.toString();
            Set<String> alreadyCredited = new HashSet<>(em.createQuery("SELECT e.personId FROM EntryRow e"
                    + " WHERE e.kind = :k AND e.reference = :m", String.class)
                    .setParameter("k", EntryKind.MONTHLY_CREDIT.name()).setParameter("m", reference).getResultList());
            List<PersonRow> persons = em.createQuery("SELECT p FROM PersonRow p WHERE p.region = :r ORDER BY p.id",
                    PersonRow.class).setParameter("r", region.value()).getResultList();
            int credited = 0;
            int already = 0;
            int without = 0;
            Money total = Money.ZERO;
            for (PersonRow row : persons) {
                if (alreadyCredited.contains(row.id)) {
                    already++;
                    continue;
                }
                Person person = Rows.person(row);
                List<AccountCredit> credits = crediting.monthlyCredit(person, month);
                Money amount = credits.stream().map(AccountCredit::amount).reduce(Money.ZERO, Money::plus);
                if (!amount.isPositive()) {
                    without++;
                    continue;
                }
                String note = credits.stream().map(c -> c.source() + " " + c.amount() + " (" + c.parameter() + "; "
                        + c.citation() + ")").collect(Collectors.joining("; "));
                Ledger.book(em, Ledger.lock(em, row.id), month.atDay(1), amount, EntryKind.MONTHLY_CREDIT, reference,
                        note, now);
                credited++;
                total = total.plus(amount);
            }
            run.runs++;
            run.personsCredited += credited;
            run.totalCreditedFen += total.fen();
            run.lastRunAt = Rows.utc(now);
            CreditingResult result = new CreditingResult(region, month, credited, total, already, without);
            journal.complete(em, context, encode(result));
            journal.audit(em, context, "CREDIT_MONTH", "region/" + region + "/" + month,
                    credited + " persons credited " + total + ", " + already + " already credited");
            return new Booked<>(result, false);
        });
    }

    private CreditingRunRow lockRun(EntityManager em, RegionCode region, YearMonth month) {
        CreditingRunRow.Key key = new CreditingRunRow.Key();
        key.region = region.value();
        key.creditMonth = month.toString();
        CreditingRunRow run = em.find(CreditingRunRow.class, key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            // a concurrent first run inserts the same row: one of the two fails and runs again
            run = new CreditingRunRow();
            run.region = key.region;
            run.creditMonth = key.creditMonth;
            run.firstRunAt = Rows.utc(clock.instant());
            run.lastRunAt = run.firstRunAt;
            em.persist(run);
            em.flush();
        }
        return run;
    }

    private static String encode(CreditingResult r) {
        return r.personsCredited() + ";" + r.totalCredited().fen() + ";" + r.personsAlreadyCredited() + ";"
                + r.personsWithoutCredit();
    }

    private static CreditingResult decode(RegionCode region, YearMonth month, String ref) {
        String[] f = ref.split(";");
        return new CreditingResult(region, month, Integer.parseInt(f[0]), Money.ofFen(Long.parseLong(f[1])),
                Integer.parseInt(f[2]), Integer.parseInt(f[3]));
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
            if (em.find(PersonRow.class, payment.beneficiaryPersonId()) == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no person " + payment.beneficiaryPersonId());
            }
            Person payer = Rows.person(payerRow);
            Relation relation = payer.relationOf(payment.beneficiaryPersonId()).orElseThrow(() -> new GongjiException(
                    ErrorCode.ACCOUNT_USE_NOT_ALLOWED, payment.beneficiaryPersonId() + " is not declared as close family of "
                            + payer.id()));
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            AccountUseDecision decision = regions.rulesFor(payer.region(), today).accountCrediting()
                    .map(a -> a.use(relation, payment.purpose(), today))
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
            journal.audit(em, context, "FAMILY_PAYMENT", "person/" + payer.id() + "/account",
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
