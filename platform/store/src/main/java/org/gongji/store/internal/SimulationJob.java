package org.gongji.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.visit.FeeLine;
import java.util.EnumMap;
import org.gongji.store.UploadedVisit;
import org.gongji.api.person.Person;
import org.gongji.api.region.RegionCode;
import org.gongji.api.rules.Parameter;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.engine.simulation.Claim;
import org.gongji.engine.simulation.Simulation;
import org.gongji.engine.simulation.SimulationResult;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.gongji.rules.vocabulary.TableRefused;
import org.gongji.rules.vocabulary.Vocabulary;
import org.gongji.store.SimulationRecord;
import org.gongji.store.SimulationRecord.ChangedParameter;
import org.gongji.store.SimulationRecord.DraftConformance;
import org.gongji.store.SimulationRecord.Violation;
import org.gongji.store.SimulationService.Change;
import org.gongji.store.SimulationService.Request;

/**
 * A simulation as a job of one chunk: reads the region's booked settlements of the year (each person
 * as in force on the visit date) or takes the uploaded visits, settles
 * them again under the rules in force and the draft ({@link Simulation}), and stores the result in
 * {@code gj_simulation} with the job's completion. Nothing else is written.
 */
final class SimulationJob implements JobHandler {

    static final String KIND = "simulation";
    /** The citation of a draft's rows: a simulation, not a document. */
    static final String DRAFT_SOURCE = "测算草案";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Database db;
    private final RegionRegistry regions;
    private final Clock clock;
    private final Simulation simulation = new Simulation();

    SimulationJob(Database db, RegionRegistry regions, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.clock = clock;
    }

    static String input(Request request) {
        return write(request);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(RegionCode region, String input) {
        Request request = read(input, Request.class);
        draft(request);
    }

    /** The rules in force for the region, and the draft: those rules with the changes applied. */
    private Drafted draft(Request request) {
        if (request.year() < 2000 || request.year() > LocalDate.now(clock).getYear()) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a simulation runs over a year from 2000 to this year, not "
                    + request.year());
        }
        LocalDate jan1 = LocalDate.of(request.year(), 1, 1);
        for (int i = 0; i < request.visits().size(); i++) {
            if (request.visits().get(i).date().getYear() != request.year()) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "uploaded visit " + (i + 1) + " of "
                        + request.visits().get(i).date() + " is not in the simulated year " + request.year());
            }
        }
        Region baseline = regions.rulesFor(request.region(), LocalDate.of(request.year(), 12, 31));
        if (!(baseline instanceof StandardRegion standard)) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "the rules of " + baseline.metadata().code()
                    + " are not table-driven: a draft cannot change their numbers");
        }
        List<Parameter> rows = new ArrayList<>();
        List<ChangedParameter> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Change c : request.changes()) {
            if (c.key() == null || c.value() == null || c.value().isBlank()) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "a change names a key and a value");
            }
            LocalDate from = c.from() == null ? jan1 : c.from();
            if (!seen.add(c.key() + "@" + from)) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "the key " + c.key() + " is changed twice from " + from);
            }
            if (!standard.parameters().has(c.key())) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "the rules of " + baseline.metadata().code()
                        + " have no parameter " + c.key());
            }
            Parameter row;
            try {
                row = ParameterTableReader.parse(c.key() + " | " + c.value().strip() + " | " + from + " | " + DRAFT_SOURCE
                        + " | simulation", "simulation " + c.key());
            } catch (RuntimeException e) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, c.key() + ": " + e.getMessage());
            }
            Parameter replaced = standard.parameters().find(c.key(), from)
                    .orElseGet(() -> standard.parameters().entries().stream().filter(p -> p.key().equals(c.key()))
                            .min(Comparator.comparing(Parameter::effectiveFrom)).orElseThrow());
            if (replaced.value().getClass() != row.value().getClass()) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, c.key() + " holds " + replaced.text()
                        + ", a value of another kind than " + c.value());
            }
            rows.add(row);
            changed.add(new ChangedParameter(c.key(), row.text(), from, replaced.text(), replaced.effectiveFrom(),
                    replaced.citation() == null ? null : replaced.citation().toString(), replaced.assumption()));
        }
        Region draft = rows.isEmpty() ? standard : standard.withOverrides(standard.parameters().source() + " + "
                + DRAFT_SOURCE, rows);
        try {
            Vocabulary.standard().require(draft.parameters());
        } catch (TableRefused refused) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, refused.getMessage());
        }
        return new Drafted(baseline, draft, changed);
    }

    private record Drafted(Region baseline, Region draft, List<ChangedParameter> changes) {
    }

    @Override
    public Start start(Job job) {
        return new Start(1, null);
    }

    @Override
    public Chunk next(Job job) {
        if (job.done() > 0) {
            return null;
        }
        Request request = read(job.input(), Request.class);
        Drafted drafted = draft(request);
        Claims claims = request.uploaded() ? uploaded(request) : claims(request, drafted.baseline());
        SimulationResult result = simulation.run(claims.list(), drafted.baseline(), drafted.draft());
        SimulationRecord record = new SimulationRecord(job.id(), request.region().value(),
                drafted.baseline().metadata().code().value(), request.year(), request.uploaded() ? "UPLOADED" : "BOOKED",
                drafted.changes(), result,
                conformance(drafted.draft()), claims.personsWithLateReversal(), clock.instant());
        String encoded = write(record);
        return new Chunk("done", 1, (em, state) -> {
            insert(em, record, encoded);
            return state;
        });
    }

    @Override
    public String finish(EntityManager em, Job job) {
        return write(Map.of("simulationId", job.id()));
    }

    private DraftConformance conformance(Region draft) {
        ConformanceReport report = draft.metadata().parent() == null
                ? ConformanceReport.notChecked(draft.metadata().code())
                : regions.find(draft.metadata().parent()).map(p -> ConformanceCheck.check(draft, p))
                        .orElse(ConformanceReport.notChecked(draft.metadata().code()));
        return new DraftConformance(report.status().name(),
                report.checkedAgainst() == null ? null : report.checkedAgainst().value(),
                report.violations().stream().map(v -> new Violation(v.parameter(), v.actual(), v.bound(),
                        v.citation() == null ? null : v.citation().toString(), v.from())).toList());
    }

    private record Claims(List<Claim> list, long personsWithLateReversal) {
    }

    /**
     * The booked settlements of the year of the persons the rules settle for: the region's own, and
     * for a province those of its cities without a bundle of their own.
     */
    private Claims claims(Request request, Region rules) {
        RegionCode code = request.region();
        return db.read(em -> {
            List<SettlementRow> rows = em.createQuery("SELECT s FROM SettlementRow s WHERE s.visitDate >= :from"
                    + " AND s.visitDate <= :to AND s.region LIKE :prefix", SettlementRow.class)
                    .setParameter("from", LocalDate.of(request.year(), 1, 1))
                    .setParameter("to", LocalDate.of(request.year(), 12, 31))
                    .setParameter("prefix", code.isProvince() ? code.value().substring(0, 2) + "%" : code.value())
                    .getResultList();
            RegionCode rulesCode = rules.metadata().code();
            rows = rows.stream().filter(r -> servedBy(RegionCode.of(r.region), code, rulesCode)).toList();
            Map<String, PersonRow> persons = new HashMap<>();
            Map<String, Institution> institutions = new HashMap<>();
            List<Claim> claims = new ArrayList<>(rows.size());
            Map<String, List<SettlementRow>> byPerson = new HashMap<>();
            List<SettlementRow> ordered = new ArrayList<>(rows);
            ordered.sort(Comparator.comparing((SettlementRow r) -> r.bookedAt).thenComparing(r -> r.id));
            long order = 0;
            for (SettlementRow r : ordered) {
                byPerson.computeIfAbsent(r.personId, k -> new ArrayList<>()).add(r);
                order++;
                if (!"BOOKED".equals(r.status)) {
                    continue;
                }
                PersonRow personRow = persons.computeIfAbsent(r.personId, id -> em.find(PersonRow.class, id));
                Person person = PersonVersions.inForce(em, personRow, r.visitDate);
                Institution institution = institutions.computeIfAbsent(r.institutionId,
                        id -> Rows.institution(em.find(InstitutionRow.class, id)));
                var booked = Rows.breakdown(r);
                Visit visit = new Visit(r.visitDate, MedicalType.valueOf(r.medType), institution, r.diseaseCode, Rows.lines(r),
                        r.filed);
                claims.add(new Claim(person, visit, order, r.useAccount, booked.accountBalance().plus(booked.accountPaid()),
                        booked));
            }
            long late = byPerson.values().stream().filter(SimulationJob::reversedAfterALaterBooking).count();
            return new Claims(claims, late);
        });
    }

    /**
     * The visits of an uploaded claim file: each line's person as the line describes them on the visit
     * date (category, age), at an institution of the line's level in the region; in file order.
     */
    private static Claims uploaded(Request request) {
        RegionCode region = request.region();
        Map<InstitutionLevel, Institution> institutions = new EnumMap<>(InstitutionLevel.class);
        List<Claim> claims = new ArrayList<>(request.visits().size());
        long order = 0;
        for (UploadedVisit v : request.visits()) {
            Institution institution = institutions.computeIfAbsent(v.level(),
                    level -> new Institution("UPLOADED-" + level, level.name(), region, level, false));
            List<ChronicRecognition> recognitions = v.disease() == null ? List.of()
                    : List.of(new ChronicRecognition(v.disease(), v.date().withDayOfYear(1), null));
            Person person = new Person(v.person(), null, region, v.date().minusYears(v.age()), v.category(), null,
                    Money.ZERO, null, recognitions, List.of());
            claims.add(Claim.uploaded(person, new Visit(v.date(), v.medicalType(), institution, v.disease(), lines(v)),
                    ++order));
        }
        return new Claims(claims, 0);
    }

    private static List<FeeLine> lines(UploadedVisit v) {
        List<FeeLine> lines = new ArrayList<>(3);
        if (v.classA().isPositive() || (v.classB().isZero() && v.classC().isZero())) {
            lines.add(FeeLine.classA("A", v.classA()));
        }
        if (v.classB().isPositive()) {
            lines.add(FeeLine.classB("B", v.classB(), v.classBPreSelfPay()));
        }
        if (v.classC().isPositive()) {
            lines.add(FeeLine.classC("C", v.classC()));
        }
        return lines;
    }

    private boolean servedBy(RegionCode personRegion, RegionCode asked, RegionCode rulesCode) {
        if (personRegion.equals(asked)) {
            return true;
        }
        return asked.isProvince() && regions.find(personRegion).isEmpty();
    }

    /** Whether one of the person's settlements (in booking order) was reversed after a later one was booked. */
    private static boolean reversedAfterALaterBooking(List<SettlementRow> inBookingOrder) {
        for (int i = 0; i < inBookingOrder.size(); i++) {
            SettlementRow reversed = inBookingOrder.get(i);
            if (reversed.reversedAt == null) {
                continue;
            }
            for (SettlementRow later : inBookingOrder.subList(i + 1, inBookingOrder.size())) {
                if (later.bookedAt.isBefore(reversed.reversedAt)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void insert(EntityManager em, SimulationRecord record, String encoded) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gj_simulation (id, region, sim_year, result, ran_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, record.simulationId());
            s.setString(2, record.region());
            s.setInt(3, record.year());
            s.setString(4, encoded);
            s.setTimestamp(5, Timestamp.valueOf(Rows.utc(record.ranAt())));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store simulation " + record.simulationId(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "not a simulation request: " + e.getOriginalMessage());
        }
    }
}
