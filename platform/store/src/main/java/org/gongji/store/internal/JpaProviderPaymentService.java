package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.gongji.payment.BedDayCase;
import org.gongji.payment.BedDayPayment;
import org.gongji.payment.DipPayment;
import org.gongji.payment.DrgPayment;
import org.gongji.payment.Headcount;
import org.gongji.payment.InstitutionPayment;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.PaymentRun;
import org.gongji.payment.PerCapitaPayment;
import org.gongji.payment.PerItemPayment;
import org.gongji.store.Booked;
import org.gongji.store.JobRecord;
import org.gongji.store.JobStatus;
import org.gongji.store.PaymentRunStatus;
import org.gongji.store.PaymentRunRecord;
import org.gongji.store.PaymentRunRequest;
import org.gongji.store.ProviderPaymentService;
import org.gongji.store.SettlementRecord;
import org.gongji.store.SettlementStatus;
import org.gongji.store.WriteContext;

/**
 * Runs a payment method over what the store booked (read outside the writer) and stores the run as
 * a draft; confirms and revokes runs. The unique live key (region, method, period) makes a
 * concurrent second run fail its insert; it then runs again and finds the first.
 */
final class JpaProviderPaymentService implements ProviderPaymentService {

    private final Database db;
    private final RegionRegistry regions;
    private final Journal journal;
    private final Clock clock;
    private final RowIds ids;
    private final JpaJobService jobs;

    JpaProviderPaymentService(Database db, RegionRegistry regions, Journal journal, Clock clock, JpaJobService jobs) {
        this.db = db;
        this.jobs = jobs;
        this.regions = regions;
        this.journal = journal;
        this.clock = clock;
        this.ids = new RowIds(clock);
    }

    /** The checks before any computing: the period has ended, some bundle serves the region. */
    Region check(PaymentRunRequest request) {
        LocalDate today = LocalDate.now(clock);
        if (!request.period().to().isBefore(today)) {
            throw new GongjiException(ErrorCode.DATE_IN_FUTURE, "the period " + request.period() + " ends on "
                    + request.period().to() + ": it is paid once it has ended");
        }
        return regions.rulesFor(request.region(), request.period().from());
    }

    /** A run computed outside the writer, with what the period's settlements were. */
    record Computed(PaymentRun run, String basis) {
    }

    Computed compute(PaymentRunRequest request, Region rules) {
        return db.read(em -> {
            String basis = basis(em, request.region().value(), request.method(), request.period().from(),
                    request.period().to(), signedCounts(request));
            return new Computed(compute(em, rules, request), basis);
        });
    }

    @Override
    public Booked<PaymentRunRecord> run(PaymentRunRequest request, WriteContext context) {
        Region rules = check(request);
        Computed computed = compute(request, rules);
        String fingerprint = fingerprint(request);
        return db.write(em -> store(em, request, rules, fingerprint, computed, context));
    }

    @Override
    public Booked<JobRecord> submitRun(PaymentRunRequest request, WriteContext context) {
        return jobs.submit(ProviderPaymentJob.KIND, request.region(), PaymentRunCodec.encode(request), context);
    }

    @Override
    public Booked<PaymentRunRecord> runOf(JobRecord job) {
        if (!ProviderPaymentJob.KIND.equals(job.kind()) || job.status() != JobStatus.DONE) {
            throw new IllegalArgumentException("job " + job.id() + " is no finished provider-payment job");
        }
        String[] f = job.result().split(";");
        return new Booked<>(find(f[0]).orElseThrow(), Boolean.parseBoolean(f[1]));
    }

    /** Stores a computed draft, in the write transaction; the live run of the period where it stands. */
    Booked<PaymentRunRecord> store(EntityManager em, PaymentRunRequest request, Region rules, String fingerprint,
            Computed computed, WriteContext context) {
        Optional<String> seen = journal.claim(em, context, "provider-payment");
        if (seen.isPresent()) {
            return new Booked<>(record(em.find(PaymentRunRow.class, seen.get())), true);
        }
        Optional<PaymentRunRow> live = live(em, request);
        Instant now = clock.instant();
        if (live.isPresent()) {
            PaymentRunRow r = live.get();
            boolean sameInputs = r.inputsFingerprint.equals(fingerprint);
            if (PaymentRunStatus.CONFIRMED.name().equals(r.status)) {
                if (!sameInputs) {
                    throw new GongjiException(ErrorCode.IDEMPOTENCY_CONFLICT, request.region() + " " + request.method() + " "
                            + request.period() + " was paid by run " + r.id + " with other inputs; revoke it to pay again");
                }
                journal.complete(em, context, r.id);
                return new Booked<>(record(r), true);
            }
            if (sameInputs && Objects.equals(r.basis, computed.basis())) {
                journal.complete(em, context, r.id);
                return new Booked<>(record(r), true);
            }
            // a draft over other inputs or changed settlements: the new draft replaces it
            r.status = PaymentRunStatus.REVOKED.name();
            r.revokedAt = Rows.utc(now);
            r.liveKey = null;
            em.flush();
        }
        PaymentRun run = computed.run();
        PaymentRunRow row = row(request, rules, run, fingerprint, now);
        row.status = PaymentRunStatus.DRAFT.name();
        row.basis = computed.basis();
        row.liveKey = liveKey(request.region().value(), request.method().name(), request.period().label());
        em.persist(row);
        em.flush();
        journal.complete(em, context, row.id);
        journal.audit(em, context, request.region().value(), "PROVIDER_PAYMENT", "region/" + request.region() + "/payments/" + row.id,
                "draft " + request.method() + " " + request.period() + ": " + run.institutions().size() + " institutions, "
                        + run.total() + live.map(r -> " (replaces draft " + r.id + ")").orElse(""));
        return new Booked<>(record(row), false);
    }

    @Override
    public Booked<PaymentRunRecord> confirm(String runId, WriteContext context) {
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "confirm-payment", runId);
            if (seen.isPresent()) {
                return new Booked<>(record(em.find(PaymentRunRow.class, seen.get())), true);
            }
            PaymentRunRow row = locked(em, runId);
            if (!PaymentRunStatus.DRAFT.name().equals(row.status)) {
                throw new GongjiException(ErrorCode.PAYMENT_RUN_STATE, "run " + runId + " is " + row.status
                        + ": only a draft is confirmed");
            }
            String now = basis(em, row.region, ProviderPaymentMethod.valueOf(row.method), row.periodFrom, row.periodTo,
                    row.basis != null && row.basis.startsWith("signed:"));
            if (row.basis != null && !row.basis.equals(now)) {
                throw new GongjiException(ErrorCode.PAYMENT_RUN_OUTDATED, "the settlements of " + row.region + " in "
                        + row.period + " changed since draft " + runId + " was computed: run the period again, then confirm");
            }
            row.status = PaymentRunStatus.CONFIRMED.name();
            row.confirmedAt = Rows.utc(clock.instant());
            journal.audit(em, context, row.region, "CONFIRM_PROVIDER_PAYMENT", "region/" + row.region + "/payments/" + row.id,
                    row.method + " " + row.period + " confirmed, " + Money.ofFen(row.totalFen) + "; the period is closed");
            return new Booked<>(record(row), false);
        });
    }

    @Override
    public Booked<PaymentRunRecord> revoke(String runId, WriteContext context) {
        return db.write(em -> {
            Optional<String> seen = journal.claim(em, context, "revoke-payment", runId);
            if (seen.isPresent()) {
                return new Booked<>(record(em.find(PaymentRunRow.class, seen.get())), true);
            }
            PaymentRunRow row = locked(em, runId);
            if (!PaymentRunStatus.CONFIRMED.name().equals(row.status)) {
                throw new GongjiException(ErrorCode.PAYMENT_RUN_STATE, "run " + runId + " is " + row.status
                        + ": only a confirmed run is revoked (a draft is replaced by running the period again)");
            }
            row.status = PaymentRunStatus.REVOKED.name();
            row.revokedAt = Rows.utc(clock.instant());
            row.liveKey = null;
            journal.audit(em, context, row.region, "REVOKE_PROVIDER_PAYMENT", "region/" + row.region + "/payments/" + row.id,
                    row.method + " " + row.period + " revoked (清算撤销); the period is open again");
            return new Booked<>(record(row), false);
        });
    }

    private static PaymentRunRow locked(EntityManager em, String runId) {
        PaymentRunRow row = em.find(PaymentRunRow.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new GongjiException(ErrorCode.UNKNOWN_PAYMENT_RUN, "no provider payment run " + runId);
        }
        return row;
    }

    static String liveKey(String region, String method, String period) {
        return region + "|" + method + "|" + period;
    }

    /** Per capita by the persons signed with each institution: the signed counts are part of what a draft rests on. */
    private static boolean signedCounts(PaymentRunRequest request) {
        return request.method() == ProviderPaymentMethod.PER_CAPITA && request.headcounts() == null;
    }

    /**
     * What a run rests on besides its inputs: the count and fund share of the period's booked and
     * reversed settlements (and the signed persons per institution), as a digest; DIP rests on its
     * case list alone.
     */
    static String basis(EntityManager em, String region, ProviderPaymentMethod method, LocalDate from, LocalDate to,
            boolean signed) {
        if (method == ProviderPaymentMethod.DIP) {
            return "dip";
        }
        MessageDigest md = sha256();
        List<Object[]> rows = em.createQuery("SELECT s.status, COUNT(s), SUM(s.fundPaidFen) FROM SettlementRow s"
                + " WHERE s.region = :r AND s.visitDate >= :from AND s.visitDate <= :to GROUP BY s.status ORDER BY s.status",
                Object[].class).setParameter("r", region).setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] r : rows) {
            update(md, r[0] + "=" + r[1] + "/" + r[2] + ";");
        }
        if (signed) {
            List<Object[]> counts = em.createQuery("SELECT p.familyDoctorInstitutionId, COUNT(p) FROM PersonRow p"
                    + " WHERE p.region = :r AND p.familyDoctorInstitutionId IS NOT NULL GROUP BY p.familyDoctorInstitutionId"
                    + " ORDER BY p.familyDoctorInstitutionId", Object[].class).setParameter("r", region).getResultList();
            for (Object[] c : counts) {
                update(md, "|" + c[0] + "=" + c[1]);
            }
        }
        return (signed ? "signed:" : "settled:") + HexFormat.of().formatHex(md.digest());
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

    /** The live run of the same region, method and period; a period overlapping a live one is refused. */
    private static Optional<PaymentRunRow> live(EntityManager em, PaymentRunRequest request) {
        PaymentPeriod period = request.period();
        List<PaymentRunRow> overlapping = em.createQuery("SELECT r FROM PaymentRunRow r WHERE r.region = :r"
                + " AND r.method = :m AND r.periodFrom <= :to AND r.periodTo >= :from AND r.liveKey IS NOT NULL",
                PaymentRunRow.class)
                .setParameter("r", request.region().value()).setParameter("m", request.method().name())
                .setParameter("from", period.from()).setParameter("to", period.to()).getResultList();
        for (PaymentRunRow r : overlapping) {
            if (!r.period.equals(period.label())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, request.region() + " " + request.method() + " " + period
                        + " overlaps the period " + r.period + " of run " + r.id + " (" + r.status + ")");
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
            case DRG -> {
                if (request.dipBudget() == null || request.dipCatalogue() == null || request.dipCases() == null) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "a DRG run needs the budget, the groups and the case list");
                }
                yield new DrgPayment().run(rules, period, request.dipBudget(), request.dipCatalogue(), request.dipCases(),
                        institutions);
            }
            case BED_DAY -> {
                if (request.bedDayCases() == null) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "a bed-day run needs the list of stays");
                }
                yield new BedDayPayment().run(rules, period, request.bedDayCases(), institutions);
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
                    s.lines(), s.status() == SettlementStatus.REVERSED, s.breakdown().separatelyPaid()));
        }
        return booked;
    }

    /** The request's headcounts, or (basis SIGNED) the persons of the region signed with each institution in scope. */
    /**
     * Basis RECOGNISED: the persons with a chronic visit booked (not reversed) at each institution in the
     * period; a chronic visit is booked only for a disease the person is recognised for on its date.
     */
    private static List<Headcount> recognised(EntityManager em, PaymentRunRequest request, Map<String, Institution> institutions,
            PerCapitaTerms terms) {
        List<Object[]> pairs = em.createQuery("SELECT DISTINCT s.institutionId, s.personId FROM SettlementRow s"
                + " WHERE s.region = :r AND s.medType = :m AND s.status = :st AND s.visitDate >= :f AND s.visitDate <= :t",
                Object[].class)
                .setParameter("r", request.region().value())
                .setParameter("m", org.gongji.api.visit.MedicalType.CHRONIC_OUTPATIENT.name())
                .setParameter("st", SettlementStatus.BOOKED.name())
                .setParameter("f", request.period().from())
                .setParameter("t", request.period().to())
                .getResultList();
        Map<String, Integer> counts = new TreeMap<>();
        for (Object[] pair : pairs) {
            counts.merge((String) pair[0], 1, Integer::sum);
        }
        List<Headcount> result = new ArrayList<>();
        counts.forEach((id, n) -> {
            Institution i = institutions.get(id);
            if (i != null && (terms.scope().levels().isEmpty() || terms.scope().levels().contains(i.level()))) {
                result.add(new Headcount(i, n));
            }
        });
        return result;
    }

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
        if (terms.headcount().value() == HeadcountBasis.RECOGNISED) {
            return recognised(em, request, institutions, terms);
        }
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
        return new PaymentRunRecord(row.id, RegionCode.of(row.region), run, Rows.instant(row.ranAt),
                PaymentRunStatus.valueOf(row.status), Rows.instant(row.confirmedAt), Rows.instant(row.revokedAt));
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
        if (request.bedDayCases() != null) {
            for (BedDayCase c : request.bedDayCases()) {
                update(md, "|s:" + c.caseId() + "," + c.institutionId() + "," + c.category() + "," + c.admissionDate() + ","
                        + c.dischargeDate() + "," + c.totalCost().fen() + "," + c.patientPaid().fen() + ","
                        + c.otherFundsPaid().fen());
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
