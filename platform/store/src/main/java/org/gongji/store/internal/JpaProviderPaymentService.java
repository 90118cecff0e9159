package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.HeadcountBasis;
import org.gongji.api.spi.payment.PerCapitaTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.payment.BookedSettlement;
import org.gongji.payment.DipCase;
import org.gongji.payment.DipGroup;
import org.gongji.payment.DipPayment;
import org.gongji.payment.Headcount;
import org.gongji.payment.InstitutionPayment;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.PaymentRun;
import org.gongji.payment.PerCapitaPayment;
import org.gongji.payment.PerItemPayment;
import org.gongji.store.Booked;
import org.gongji.store.PaymentRunRecord;
import org.gongji.store.PaymentRunRequest;
import org.gongji.store.ProviderPaymentService;
import org.gongji.store.SettlementRecord;
import org.gongji.store.SettlementStatus;
import org.gongji.store.WriteContext;

/**
 * Runs a payment method over what the store booked and stores the run, in one transaction. The
 * unique (region, method, period) constraint makes a concurrent second run fail its insert; it then
 * runs again and finds the first.
 */
final class JpaProviderPaymentService implements ProviderPaymentService {

    private final Database db;
    private final RegionRegistry regions;
    private final Journal journal;
    private final Clock clock;
    private final RowIds ids;

    JpaProviderPaymentService(Database db, RegionRegistry regions, Journal journal, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.journal = journal;
        this.clock = clock;
        this.ids = new RowIds(clock);
    }

    @Override
    public Booked<PaymentRunRecord> run(PaymentRunRequest request, WriteContext context) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (!request.period().to().isBefore(today)) {
            throw new GongjiException(ErrorCode.DATE_IN_FUTURE, "the period " + request.period() + " ends on "
                    + request.period().to() + ": it is paid once it has ended");
        }
        Region rules = regions.rulesFor(request.region(), request.period().from());
        String fingerprint = fingerprint(request);
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "provider-payment");
            if (seen.isPresent()) {
                return new Booked<>(record(em.find(PaymentRunRow.class, seen.get())), true);
            }
            Optional<PaymentRunRow> first = stored(em, request, fingerprint);
            if (first.isPresent()) {
                journal.complete(em, context, first.get().id);
                return new Booked<>(record(first.get()), true);
            }
            PaymentRun run = compute(em, rules, request);
            PaymentRunRow row = row(request, rules, run, fingerprint, clock.instant());
            em.persist(row);
            em.flush();
            journal.complete(em, context, row.id);
            journal.audit(em, context, "PROVIDER_PAYMENT", "region/" + request.region() + "/payments/" + row.id,
                    request.method() + " " + request.period() + ": " + run.institutions().size() + " institutions, " + run.total());
            return new Booked<>(record(row), false);
        });
    }

    @Override
    public Optional<PaymentRunRecord> find(String runId) {
        return db.read(em -> Optional.ofNullable(em.find(PaymentRunRow.class, runId)).map(JpaProviderPaymentService::record));
    }

    @Override
    public List<PaymentRunRecord> runs(RegionCode region, ProviderPaymentMethod method) {
        return db.read(em -> em.createQuery("SELECT r FROM PaymentRunRow r WHERE r.region = :r AND r.method = :m"
                + " ORDER BY r.periodFrom", PaymentRunRow.class).setParameter("r", region.value())
                .setParameter("m", method.name()).getResultList().stream().map(JpaProviderPaymentService::record).toList());
    }

    /** The stored run of the same region, method and period; a period overlapping a stored one is refused. */
    private static Optional<PaymentRunRow> stored(EntityManager em, PaymentRunRequest request, String fingerprint) {
        PaymentPeriod period = request.period();
        List<PaymentRunRow> overlapping = em.createQuery("SELECT r FROM PaymentRunRow r WHERE r.region = :r"
                + " AND r.method = :m AND r.periodFrom <= :to AND r.periodTo >= :from", PaymentRunRow.class)
                .setParameter("r", request.region().value()).setParameter("m", request.method().name())
                .setParameter("from", period.from()).setParameter("to", period.to()).getResultList();
        for (PaymentRunRow r : overlapping) {
            if (!r.period.equals(period.label())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, request.region() + " " + request.method() + " " + period
                        + " overlaps the period " + r.period + " paid by run " + r.id);
            }
            if (!r.inputsFingerprint.equals(fingerprint)) {
                throw new GongjiException(ErrorCode.IDEMPOTENCY_CONFLICT, request.region() + " " + request.method() + " "
                        + period + " was paid by run " + r.id + " with other inputs; a period is paid once");
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }

    private static PaymentRun compute(EntityManager em, Region rules, PaymentRunRequest request) {
        Map<String, Institution> institutions = new HashMap<>();
        for (InstitutionRow i : em.createQuery("SELECT i FROM InstitutionRow i", InstitutionRow.class).getResultList()) {
            institutions.put(i.id, Rows.institution(i));
        }
        PaymentPeriod period = request.period();
        return switch (request.method()) {
            case PER_ITEM -> new PerItemPayment().run(rules, period, settlements(em, request, institutions));
            case PER_CAPITA -> new PerCapitaPayment().run(rules, period, headcounts(em, rules, request, institutions),
                    settlements(em, request, institutions));
            case DIP -> {
                if (request.dipBudget() == null || request.dipCatalogue() == null || request.dipCases() == null) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "a DIP run needs the budget, the catalogue and the case list");
                }
                yield new DipPayment().run(rules, period, request.dipBudget(), request.dipCatalogue(), request.dipCases(),
                        institutions);
            }
        };
    }

    private static List<BookedSettlement> settlements(EntityManager em, PaymentRunRequest request,
            Map<String, Institution> institutions) {
        List<SettlementRow> rows = em.createQuery("SELECT s FROM SettlementRow s WHERE s.region = :r"
                + " AND s.visitDate >= :from AND s.visitDate <= :to ORDER BY s.id", SettlementRow.class)
                .setParameter("r", request.region().value()).setParameter("from", request.period().from())
                .setParameter("to", request.period().to()).getResultList();
        List<BookedSettlement> booked = new ArrayList<>(rows.size());
        for (SettlementRow row : rows) {
            SettlementRecord s = Rows.settlement(row);
            Institution at = institutions.get(s.institutionId());
            if (at == null || s.status() == SettlementStatus.PREVIEW) {
                continue;
            }
            booked.add(new BookedSettlement(s.id(), at, s.date(), s.breakdown().medType(), s.breakdown().fundPaid(),
                    s.lines(), s.status() == SettlementStatus.REVERSED));
        }
        return booked;
    }

    /** The request's headcounts, or (basis SIGNED) the persons of the region signed with each institution in scope. */
    private static List<Headcount> headcounts(EntityManager em, Region rules, PaymentRunRequest request,
            Map<String, Institution> institutions) {
        List<Headcount> result = new ArrayList<>();
        if (request.headcounts() != null) {
            for (Map.Entry<String, Integer> e : new TreeMap<>(request.headcounts()).entrySet()) {
                Institution i = institutions.get(e.getKey());
                if (i == null) {
                    throw new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "headcount for unknown institution " + e.getKey());
                }
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "headcount of " + e.getKey() + " must be 0 or more");
                }
                result.add(new Headcount(i, e.getValue()));
            }
            return result;
        }
        PerCapitaTerms terms = rules.providerPayment().flatMap(t -> t.perCapita(request.period().from()))
                .orElseThrow(() -> new GongjiException(ErrorCode.BENEFIT_NOT_COVERED,
                        request.region() + " does not pay per capita in " + request.period()));
        if (terms.headcount().value() != HeadcountBasis.SIGNED) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, request.region() + " pays per capita by "
                    + terms.headcount().value() + " persons (" + terms.headcount().parameter() + "): give the headcounts");
        }
        List<Object[]> counts = em.createQuery("SELECT p.familyDoctorInstitutionId, COUNT(p) FROM PersonRow p"
                + " WHERE p.region = :r AND p.familyDoctorInstitutionId IS NOT NULL GROUP BY p.familyDoctorInstitutionId",
                Object[].class).setParameter("r", request.region().value()).getResultList();
        for (Object[] c : new TreeMap<String, Object[]>(toMap(counts)).values()) {
            Institution i = institutions.get((String) c[0]);
            if (i != null && (terms.scope().levels().isEmpty() || terms.scope().levels().contains(i.level()))) {
                result.add(new Headcount(i, Math.toIntExact(((Number) c[1]).longValue())));
            }
        }
        return result;
    }

    private static Map<String, Object[]> toMap(List<Object[]> rows) {
        Map<String, Object[]> map = new HashMap<>();
        rows.forEach(r -> map.put((String) r[0], r));
        return map;
    }

    private PaymentRunRow row(PaymentRunRequest request, Region rules, PaymentRun run, String fingerprint, Instant now) {
        PaymentRunRow row = new PaymentRunRow();
        row.id = ids.next();
        row.region = request.region().value();
        row.method = request.method().name();
        row.period = request.period().label();
        row.periodFrom = request.period().from();
        row.periodTo = request.period().to();
        row.inputsFingerprint = fingerprint;
        row.rulesRegion = rules.metadata().code().value();
        row.totalFen = run.total().fen();
        row.trace = TraceCodec.encode(run.trace());
        row.ranAt = Rows.utc(now);
        for (InstitutionPayment p : run.institutions()) {
            PaymentRunRow.LineCell c = new PaymentRunRow.LineCell();
            c.institutionId = p.institutionId();
            c.amountFen = p.amount().fen();
            c.trace = TraceCodec.encode(p.trace());
            row.lines.add(c);
        }
        return row;
    }

    private static PaymentRunRecord record(PaymentRunRow row) {
        List<InstitutionPayment> payments = row.lines.stream()
                .map(c -> new InstitutionPayment(c.institutionId, Money.ofFen(c.amountFen), TraceCodec.decode(c.trace)))
                .sorted(java.util.Comparator.comparing(InstitutionPayment::institutionId)).toList();
        PaymentRun run = new PaymentRun(RegionCode.of(row.rulesRegion), ProviderPaymentMethod.valueOf(row.method),
                PaymentPeriod.parse(row.period), Money.ofFen(row.totalFen), payments, TraceCodec.decode(row.trace));
        return new PaymentRunRecord(row.id, RegionCode.of(row.region), run, Rows.instant(row.ranAt));
    }

    /** What the run depends on besides the booked settlements: the same inputs give the same fingerprint. */
    static String fingerprint(PaymentRunRequest request) {
        MessageDigest md = sha256();
        update(md, request.region() + "|" + request.method() + "|" + request.period().label());
        if (request.headcounts() != null) {
            new TreeMap<>(request.headcounts()).forEach((id, n) -> update(md, "|h:" + id + "=" + n));
        }
        if (request.dipBudget() != null) {
            update(md, "|b:" + request.dipBudget().fen());
        }
        if (request.dipCatalogue() != null) {
            for (DipGroup g : request.dipCatalogue().groups()) {
                update(md, "|g:" + g.code() + "," + g.diagnosis() + "," + g.procedure() + "," + g.score() + ","
                        + g.averageCost().fen());
            }
        }
        if (request.dipCases() != null) {
            for (DipCase c : request.dipCases()) {
                update(md, "|c:" + c.caseId() + "," + c.institutionId() + "," + c.diagnosis() + "," + c.procedure() + ","
                        + c.date() + "," + c.totalCost().fen() + "," + c.patientPaid().fen() + "," + c.otherFundsPaid().fen());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String text) {
        md.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
