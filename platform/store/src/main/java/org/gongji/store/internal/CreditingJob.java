package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.persistence.config.QueryHints;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.account.AccountCredit;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.store.CreditingResult;
import org.gongji.store.LedgerEntry.EntryKind;

/**
 * The monthly crediting of personal accounts (个人账户计入) as a job, {@link #CHUNK} persons a
 * chunk in id order. A chunk's credits are computed from the persons read outside the writer;
 * its booking then locks the chunk's accounts, leaves out whoever already has the month's credit
 * (the ledger's unique (person, kind, reference) entry, so a rerun or a resumed job credits
 * nobody twice), and books the rest with batched statements: one entry and one balance update a
 * person, every balance equal to the sum of its entries.
 *
 * <p>A run for a province also credits the persons of its cities that have no bundle of their
 * own and are served by the province's rules.
 */
final class CreditingJob implements JobHandler {

    static final String KIND = "account-credit";
    /**
     * Persons a chunk by default: a settlement waits behind at most one chunk, and on the 2-core
     * machine chunks of 250 kept the settlements' p99 at 65 ms during a million-person run, against
     * 169 ms with 1,000, for 12 % more crediting time (README "Crediting benchmark").
     */
    static final int CHUNK = 250;

    private static final String ENTRY = "INSERT INTO gj_account_entry (person_id, seq, entry_date, amount_fen, kind,"
            + " reference, note, balance_after_fen, booked_at) VALUES ";
    private static final String ENTRY_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * Entries a multi-row insert statement holds: one statement per row costs Derby more than the row
     * (a JDBC batch of single-row inserts took 11 % more of the writer's CPU in CreditBench).
     */
    private static final int ROWS_PER_INSERT = 100;
    /**
     * The cursor over a chunk's locked accounts, updated through one positioned statement prepared
     * once a chunk (ResultSet.updateRow makes Derby build and look up an update statement a row).
     */
    private static final String CURSOR = "GJ_CREDITED_ACCOUNTS";
    private final Database db;
    private final RegionRegistry regions;
    private final Journal journal;
    private final Clock clock;
    private final int chunk;

    CreditingJob(Database db, RegionRegistry regions, Journal journal, Clock clock, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("a chunk holds at least one person, not " + chunk);
        }
        this.db = db;
        this.regions = regions;
        this.journal = journal;
        this.clock = clock;
        this.chunk = chunk;
    }

    static String input(RegionCode region, YearMonth month) {
        return region + " " + month;
    }

    private static YearMonth month(String input) {
        return YearMonth.parse(input.substring(input.indexOf(' ') + 1));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(RegionCode region, String input) {
        YearMonth month = month(input);
        if (month.isAfter(YearMonth.now(clock))) {
            throw new GongjiException(ErrorCode.DATE_IN_FUTURE, "the month " + month + " has not begun");
        }
        crediting(region, month);
    }

    private AccountCrediting crediting(RegionCode region, YearMonth month) {
        return regions.rulesFor(region, month.atDay(1)).accountCrediting()
                .orElseThrow(() -> new GongjiException(ErrorCode.BENEFIT_NOT_COVERED,
                        "the rules serving " + region + " do not credit personal accounts"));
    }

    @Override
    public Start start(Job job) {
        RegionCode region = job.region();
        YearMonth month = month(job.input());
        List<String> scope = new ArrayList<>();
        scope.add(region.value());
        if (region.isProvince()) {
            scope.addAll(servedCities(region, month.atDay(1)));
        }
        long total = db.read(em -> em.createQuery("SELECT COUNT(p) FROM PersonRow p WHERE p.region IN :r", Long.class)
                .setParameter("r", scope).getSingleResult());
        Tally t = new Tally(scope, 0, 0, 0, 0);
        return new Start(total, t.encode());
    }

    /** The cities of the province with persons, no bundle of their own, and the province's rules serving them. */
    private List<String> servedCities(RegionCode province, LocalDate date) {
        List<String> found = db.read(em -> em.createQuery("SELECT DISTINCT p.region FROM PersonRow p"
                + " WHERE p.region LIKE :prefix", String.class)
                .setParameter("prefix", province.value().substring(0, 2) + "%").getResultList());
        List<String> served = new ArrayList<>();
        for (String code : found.stream().sorted().toList()) {
            RegionCode city = RegionCode.of(code);
            if (city.equals(province) || regions.find(city).isPresent()) {
                continue;
            }
            try {
                if (regions.rulesFor(city, date).metadata().code().equals(province)) {
                    served.add(code);
                }
            } catch (GongjiException notServed) {
                // the province does not serve its cities: their persons wait for a bundle of their own
            }
        }
        return served;
    }

    /** One person's credit for the month. */
    private record Credit(String personId, long amountFen, String note) {
    }

    @Override
    public Chunk next(Job job) {
        Tally tally = Tally.decode(job.state());
        YearMonth month = month(job.input());
        int index = 0;
        String after = "";
        if (job.cursor() != null) {
            int colon = job.cursor().indexOf(':');
            index = Integer.parseInt(job.cursor().substring(0, colon));
            after = job.cursor().substring(colon + 1);
        }
        while (index < tally.scope().size()) {
            String region = tally.scope().get(index);
            String from = after;
            List<PersonRow> persons = db.read(em -> em.createQuery("SELECT p FROM PersonRow p WHERE p.region = :r"
                    + " AND p.id > :after ORDER BY p.region, p.id", PersonRow.class)
                    .setParameter("r", region).setParameter("after", from)
                    .setHint(QueryHints.BATCH, "p.family").setHint(QueryHints.BATCH, "p.chronicDiseases")
                    .setHint(QueryHints.BATCH_TYPE, "IN").setMaxResults(chunk).getResultList());
            if (persons.isEmpty()) {
                index++;
                after = "";
                continue;
            }
            Map<RegionCode, Optional<AccountCrediting>> rules = new HashMap<>();
            List<Credit> credits = new ArrayList<>(persons.size());
            for (PersonRow row : persons) {
                // the version in force on the month's first day (the latest, but for a change dated after it)
                var person = PersonVersions.latestOn(row, month.atDay(1)) ? Rows.person(row)
                        : db.read(em -> PersonVersions.inForce(em, row, month.atDay(1)));
                Optional<AccountCrediting> crediting = rules.computeIfAbsent(person.region(),
                        r -> regions.rulesFor(r, month.atDay(1)).accountCrediting());
                List<AccountCredit> parts = crediting.map(c -> c.monthlyCredit(person, month)).orElse(List.of());
                long fen = parts.stream().mapToLong(c -> c.amount().fen()).sum();
                String note = parts.stream().map(c -> c.source() + " " + c.amount() + " (" + c.parameter() + "; "
                        + c.citation() + ")").collect(Collectors.joining("; "));
                credits.add(new Credit(row.id, fen, note.length() <= 1000 ? note : note.substring(0, 1000)));
            }
            String first = persons.get(0).id;
            String last = persons.get(persons.size() - 1).id;
            String cursor = index + ":" + last;
            return new Chunk(cursor, persons.size(), (em, state) -> book(em, Tally.decode(state), month, first, last,
                    credits).encode());
        }
        return null;
    }

    private Tally book(EntityManager em, Tally tally, YearMonth month, String first, String last, List<Credit> credits) {
        String reference = month.toString();
        Timestamp now = Timestamp.valueOf(Rows.utc(clock.instant()));
        java.sql.Date date = java.sql.Date.valueOf(month.atDay(1));
        Connection c = em.unwrap(Connection.class);
        try {
            Set<String> already = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT person_id FROM gj_account_entry WHERE person_id >= ?"
                    + " AND person_id <= ? AND kind = ? AND reference = ?")) {
                s.setString(1, first);
                s.setString(2, last);
                s.setString(3, EntryKind.MONTHLY_CREDIT.name());
                s.setString(4, reference);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        already.add(rs.getString(1));
                    }
                }
            }
            // every booking for a person locks the person's account row first (Ledger.lock); the
            // balances are computed here from the locked rows, each entry's balance_after with them
            Map<String, Credit> byPerson = new HashMap<>();
            for (Credit credit : credits) {
                byPerson.put(credit.personId(), credit);
            }
            int credited = 0;
            int skipped = 0;
            int without = 0;
            long totalFen = 0;
            List<Object[]> rows = new ArrayList<>(credits.size());
            // Derby updates each locked account through the cursor that read it (no second look-up);
            // PostgreSQL's driver would send a statement a row for that, so it gets one batch instead
            boolean throughCursor = c.getMetaData().getDatabaseProductName().contains("Derby");
            List<Object[]> balances = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT person_id, balance_fen, entry_count FROM gj_account"
                    + " WHERE person_id >= ? AND person_id <= ? FOR UPDATE" + (throughCursor ? " OF balance_fen, entry_count,"
                    + " updated_at" : ""))) {
                s.setCursorName(CURSOR);
                s.setString(1, first);
                s.setString(2, last);
                try (ResultSet rs = s.executeQuery();
                        PreparedStatement positioned = throughCursor ? c.prepareStatement("UPDATE gj_account SET"
                                + " balance_fen = ?, entry_count = ?, updated_at = ? WHERE CURRENT OF " + CURSOR) : null) {
                    while (rs.next()) {
                        String person = rs.getString(1);
                        Credit credit = byPerson.get(person);
                        if (credit == null) {
                            continue; // a person of another region between the chunk's first and last id
                        }
                        seen.add(person);
                        if (already.contains(person) || credit.amountFen() <= 0) {
                            continue;
                        }
                        long balanceAfter = Math.addExact(rs.getLong(2), credit.amountFen());
                        long count = rs.getLong(3) + 1;
                        rows.add(new Object[] {person, count, date, credit.amountFen(),
                                EntryKind.MONTHLY_CREDIT.name(), reference, credit.note(), balanceAfter, now});
                        if (throughCursor) {
                            positioned.setLong(1, balanceAfter);
                            positioned.setLong(2, count);
                            positioned.setTimestamp(3, now);
                            positioned.executeUpdate();
                        } else {
                            balances.add(new Object[] {balanceAfter, count, person});
                        }
                        credited++;
                        totalFen = Math.addExact(totalFen, credit.amountFen());
                    }
                }
            }
            for (Credit credit : credits) {
                if (already.contains(credit.personId())) {
                    skipped++;
                } else if (credit.amountFen() <= 0) {
                    without++;
                } else if (!seen.contains(credit.personId())) {
                    throw new GongjiException(ErrorCode.UNKNOWN_PERSON, "no account of person " + credit.personId());
                }
            }
            if (!balances.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE gj_account SET balance_fen = ?, entry_count = ?,"
                        + " updated_at = ? WHERE person_id = ?")) {
                    for (Object[] b : balances) {
                        s.setLong(1, (Long) b[0]);
                        s.setLong(2, (Long) b[1]);
                        s.setTimestamp(3, now);
                        s.setString(4, (String) b[2]);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            insertEntries(c, rows);
            return new Tally(tally.scope(), tally.credited() + credited, tally.totalFen() + totalFen,
                    tally.already() + skipped, tally.without() + without);
        } catch (SQLException e) {
            throw new IllegalStateException("crediting " + month + " for persons " + first + " to " + last + " failed", e);
        }
    }

    /** Inserts the entries {@link #ROWS_PER_INSERT} rows a statement, the rest one by one. */
    private static void insertEntries(Connection c, List<Object[]> rows) throws SQLException {
        int full = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            String sql = ENTRY + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, ENTRY_VALUES));
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int from = 0; from < full; from += ROWS_PER_INSERT) {
                    int p = 1;
                    for (Object[] row : rows.subList(from, from + ROWS_PER_INSERT)) {
                        p = bind(s, p, row);
                    }
                    s.executeUpdate();
                }
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement s = c.prepareStatement(ENTRY + ENTRY_VALUES)) {
                for (Object[] row : rows.subList(full, rows.size())) {
                    bind(s, 1, row);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private static int bind(PreparedStatement s, int p, Object[] row) throws SQLException {
        s.setString(p++, (String) row[0]);
        s.setLong(p++, (Long) row[1]);
        s.setDate(p++, (java.sql.Date) row[2]);
        s.setLong(p++, (Long) row[3]);
        s.setString(p++, (String) row[4]);
        s.setString(p++, (String) row[5]);
        s.setString(p++, (String) row[6]);
        s.setLong(p++, (Long) row[7]);
        s.setTimestamp(p++, (Timestamp) row[8]);
        return p;
    }

    @Override
    public String finish(EntityManager em, Job job) {
        Tally t = Tally.decode(job.state());
        RegionCode region = job.region();
        YearMonth month = month(job.input());
        Instant now = clock.instant();
        CreditingRunRow.Key key = new CreditingRunRow.Key();
        key.region = region.value();
        key.creditMonth = month.toString();
        CreditingRunRow run = em.find(CreditingRunRow.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            run = new CreditingRunRow();
            run.region = key.region;
            run.creditMonth = key.creditMonth;
            run.firstRunAt = Rows.utc(now);
            em.persist(run);
        }
        run.runs++;
        run.personsCredited += t.credited();
        run.totalCreditedFen += t.totalFen();
        run.lastRunAt = Rows.utc(now);
        CreditingResult result = t.result(region, month);
        journal.audit(em, job.context(), region.value(), "CREDIT_MONTH", "region/" + region + "/" + month, result.personsCredited() + " persons credited "
                        + result.totalCredited() + ", " + result.personsAlreadyCredited() + " already credited (job "
                        + job.id() + ")");
        return encode(result);
    }

    static String encode(CreditingResult r) {
        return r.month() + ";" + r.personsCredited() + ";" + r.totalCredited().fen() + ";" + r.personsAlreadyCredited() + ";"
                + r.personsWithoutCredit();
    }

    static CreditingResult decode(RegionCode region, String result) {
        String[] f = result.split(";");
        return new CreditingResult(region, YearMonth.parse(f[0]), Integer.parseInt(f[1]), Money.ofFen(Long.parseLong(f[2])),
                Integer.parseInt(f[3]), Integer.parseInt(f[4]));
    }

    /** The regions the job credits and what its committed chunks counted. */
    record Tally(List<String> scope, int credited, long totalFen, int already, int without) {

        String encode() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("scope", String.join(",", scope));
            m.put("credited", Integer.toString(credited));
            m.put("totalFen", Long.toString(totalFen));
            m.put("already", Integer.toString(already));
            m.put("without", Integer.toString(without));
            return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
        }

        static Tally decode(String text) {
            Map<String, String> m = new HashMap<>();
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                m.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return new Tally(List.of(m.get("scope").split(",")), Integer.parseInt(m.get("credited")),
                    Long.parseLong(m.get("totalFen")), Integer.parseInt(m.get("already")), Integer.parseInt(m.get("without")));
        }

        CreditingResult result(RegionCode region, YearMonth month) {
            return new CreditingResult(region, month, credited, Money.ofFen(totalFen), already, without);
        }
    }
}
