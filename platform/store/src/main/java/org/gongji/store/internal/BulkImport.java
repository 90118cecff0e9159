package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.store.ImportLine;
import org.gongji.store.ImportResult;
import org.gongji.store.WriteContext;

/**
 * A chunk of a bulk import in one transaction: what exists is read with one query, new rows are
 * inserted in JDBC batches, a change of what exists goes through the same checks as a single write.
 * A refused line is refused before anything of it is written.
 */
final class BulkImport {

    private final JpaPersonDirectory persons;
    private final RegionsServed served;
    private final Journal journal;

    BulkImport(JpaPersonDirectory persons, RegionsServed served, Journal journal) {
        this.persons = persons;
        this.served = served;
        this.journal = journal;
    }

    /** Checks against the regions deployed now, remembered for the chunk. */
    interface RegionsServed {
        void require(org.gongji.api.region.RegionCode code);
    }

    /** Splits lines into runs with distinct ids, so that a later line of the same id sees the earlier one written. */
    static <T> List<List<ImportLine<T>>> runs(List<ImportLine<T>> lines, Function<T, String> id) {
        List<List<ImportLine<T>>> runs = new ArrayList<>();
        List<ImportLine<T>> run = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ImportLine<T> line : lines) {
            if (!ids.add(id.apply(line.value()))) {
                runs.add(run);
                run = new ArrayList<>();
                ids.clear();
                ids.add(id.apply(line.value()));
            }
            run.add(line);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    ImportResult persons(EntityManager em, List<ImportLine<Person>> lines, WriteContext context, Instant now, LocalDate today) {
        Connection c = em.unwrap(Connection.class);
        try {
            Set<String> existing = existingIds(c, "gj_person", lines.stream().map(l -> l.value().id()).toList());
            Map<String, String> doctorLevels = institutionLevels(c, lines.stream()
                    .map(l -> l.value().familyDoctorInstitutionId()).filter(java.util.Objects::nonNull).toList());
            List<Person> fresh = new ArrayList<>();
            List<ImportResult.Refusal> refusals = new ArrayList<>();
            int updated = 0;
            int unchanged = 0;
            for (ImportLine<Person> line : lines) {
                Person p = line.value();
                try {
                    served.require(p.region());
                    String doctor = p.familyDoctorInstitutionId();
                    if (doctor != null) {
                        String level = doctorLevels.get(doctor);
                        if (level == null) {
                            throw new GongjiException(ErrorCode.UNKNOWN_INSTITUTION, "no institution " + doctor
                                    + " for the family-doctor contract of " + p.id());
                        }
                        if (!InstitutionLevel.PRIMARY.name().equals(level)) {
                            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a family-doctor contract (家庭医生签约) is"
                                    + " with a primary institution; " + doctor + " is " + level);
                        }
                    }
                    if (existing.contains(p.id())) {
                        PersonRow row = em.find(PersonRow.class, p.id());
                        JpaPersonDirectory.Change change = persons.change(em, row, p, line.effectiveFrom(), context, true);
                        if (change == JpaPersonDirectory.Change.UNCHANGED) {
                            unchanged++;
                        } else {
                            updated++;
                        }
                    } else {
                        persons.requireBaseWithinLimits(p, today);
                        fresh.add(p);
                    }
                } catch (GongjiException e) {
                    refusals.add(new ImportResult.Refusal(line.line(), e.code(), e.getMessage()));
                }
            }
            insertPersons(c, fresh, now);
            ImportResult result = new ImportResult(fresh.size(), updated, unchanged, refusals.size(), refusals);
            journal.audit(em, context, region(lines, l -> l.region()), "IMPORT_PERSONS", "persons/import", summary(lines, result));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("the import of lines " + lines.get(0).line() + " to "
                    + lines.get(lines.size() - 1).line() + " failed", e);
        }
    }

    ImportResult institutions(EntityManager em, List<ImportLine<Institution>> lines, WriteContext context, Instant now) {
        Connection c = em.unwrap(Connection.class);
        try {
            Set<String> existing = existingIds(c, "gj_institution", lines.stream().map(l -> l.value().id()).toList());
            List<Institution> fresh = new ArrayList<>();
            List<ImportResult.Refusal> refusals = new ArrayList<>();
            int updated = 0;
            int unchanged = 0;
            for (ImportLine<Institution> line : lines) {
                Institution i = line.value();
                try {
                    served.require(i.region());
                    if (existing.contains(i.id())) {
                        InstitutionRow row = em.find(InstitutionRow.class, i.id());
                        if (Rows.institution(row).equals(i)) {
                            unchanged++;
                        } else {
                            Rows.fill(row, i, now);
                            journal.audit(em, context, i.region().value(), "REPLACE_INSTITUTION", "institution/" + i.id(),
                                    i.level() + " in " + i.region());
                            updated++;
                        }
                    } else {
                        fresh.add(i);
                    }
                } catch (GongjiException e) {
                    refusals.add(new ImportResult.Refusal(line.line(), e.code(), e.getMessage()));
                }
            }
            insertInstitutions(c, fresh, now);
            ImportResult result = new ImportResult(fresh.size(), updated, unchanged, refusals.size(), refusals);
            journal.audit(em, context, region(lines, l -> l.region()), "IMPORT_INSTITUTIONS", "institutions/import",
                    summary(lines, result));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("the import of lines " + lines.get(0).line() + " to "
                    + lines.get(lines.size() - 1).line() + " failed", e);
        }
    }

    /** The region all lines name, or null when they name several. */
    private static <T> String region(List<ImportLine<T>> lines, Function<T, org.gongji.api.region.RegionCode> region) {
        Set<org.gongji.api.region.RegionCode> regions = new HashSet<>();
        lines.forEach(l -> regions.add(region.apply(l.value())));
        return regions.size() == 1 ? regions.iterator().next().value() : null;
    }

    private static String summary(List<? extends ImportLine<?>> lines, ImportResult r) {
        return "lines " + lines.get(0).line() + " to " + lines.get(lines.size() - 1).line() + ": created " + r.created()
                + ", updated " + r.updated() + ", unchanged " + r.unchanged() + ", refused " + r.refused();
    }

    private static Set<String> existingIds(Connection c, String table, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + table + " WHERE id IN (" + marks(ids.size()) + ")")) {
            int i = 1;
            for (String id : ids) {
                s.setString(i++, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static Map<String, String> institutionLevels(Connection c, Collection<String> ids) throws SQLException {
        Map<String, String> levels = new HashMap<>();
        Set<String> distinct = new HashSet<>(ids);
        if (distinct.isEmpty()) {
            return levels;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, institution_level FROM gj_institution WHERE id IN ("
                + marks(distinct.size()) + ")")) {
            int i = 1;
            for (String id : distinct) {
                s.setString(i++, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    levels.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return levels;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void insertPersons(Connection c, List<Person> fresh, Instant now) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.valueOf(Rows.utc(now));
        try (PreparedStatement person = c.prepareStatement("INSERT INTO gj_person (id, name, region, birth_date, category,"
                + " retirement_date, contribution_base_fen, family_doctor_institution_id, updated_at, version_from)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement account = c.prepareStatement("INSERT INTO gj_account (person_id, balance_fen, entry_count,"
                        + " updated_at) VALUES (?, 0, 0, ?)");
                PreparedStatement family = c.prepareStatement("INSERT INTO gj_family_member (person_id, member_person_id,"
                        + " relation) VALUES (?, ?, ?)");
                PreparedStatement chronic = c.prepareStatement("INSERT INTO gj_chronic_recognition (person_id, disease_code,"
                        + " recognised_from, recognised_to) VALUES (?, ?, ?, ?)")) {
            boolean families = false;
            boolean recognitions = false;
            for (Person p : fresh) {
                person.setString(1, p.id());
                person.setString(2, p.name());
                person.setString(3, p.region().value());
                person.setDate(4, Date.valueOf(p.birthDate()));
                person.setString(5, p.category().name());
                setDate(person, 6, p.retirementDate());
                person.setLong(7, p.monthlyContributionBase().fen());
                person.setString(8, p.familyDoctorInstitutionId());
                person.setTimestamp(9, at);
                person.setDate(10, Date.valueOf(p.birthDate()));
                person.addBatch();
                account.setString(1, p.id());
                account.setTimestamp(2, at);
                account.addBatch();
                for (FamilyMember m : p.family()) {
                    family.setString(1, p.id());
                    family.setString(2, m.personId());
                    family.setString(3, m.relation().name());
                    family.addBatch();
                    families = true;
                }
                for (ChronicRecognition r : p.chronicDiseases()) {
                    chronic.setString(1, p.id());
                    chronic.setString(2, r.code());
                    chronic.setDate(3, Date.valueOf(r.from()));
                    setDate(chronic, 4, r.to());
                    chronic.addBatch();
                    recognitions = true;
                }
            }
            person.executeBatch();
            account.executeBatch();
            if (families) {
                family.executeBatch();
            }
            if (recognitions) {
                chronic.executeBatch();
            }
        }
    }

    private static void insertInstitutions(Connection c, List<Institution> fresh, Instant now) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.valueOf(Rows.utc(now));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gj_institution (id, name, region, institution_level,"
                + " provincial, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Institution i : fresh) {
                s.setString(1, i.id());
                s.setString(2, i.name());
                s.setString(3, i.region().value());
                s.setString(4, i.level().name());
                s.setBoolean(5, i.provincial());
                s.setTimestamp(6, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setDate(PreparedStatement s, int index, LocalDate date) throws SQLException {
        if (date == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setDate(index, Date.valueOf(date));
        }
    }
}
