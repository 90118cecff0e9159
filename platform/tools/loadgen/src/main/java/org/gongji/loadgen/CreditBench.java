package org.gongji.loadgen;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.ChinaTime;
import org.gongji.store.CreditingResult;
import org.gongji.store.OpenStore;
import org.gongji.store.SettlementCommand;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.gongji.store.WriteContext;

/**
 * Credits a month to every person of a region (Jiaozuo, embedded Derby) while settlements stream in
 * meanwhile, and reports how long the crediting took and the latency of the settlements during it.
 * The persons are loaded into the database once, straight by JDBC (a benchmark shortcut), and
 * kept: each run credits the next month. After the run the ledger is checked: one credit entry a
 * person for the month, their sum the job's total, every balance the sum of its entries.
 *
 * <pre>
 * java -cp "$CP" org.gongji.loadgen.CreditBench --data /tmp/gongji-credit --persons 1000000 --settlers 4 --chunk 250
 * </pre>
 */
public final class CreditBench {

    static final RegionCode JIAOZUO = RegionCode.of("410800");
    static final WriteContext BENCH = WriteContext.by("credit-bench");

    private CreditBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --data, --persons, --settlers, --chunk, --seed-only, not " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        Path data = Path.of(opts.getOrDefault("data", "/tmp/gongji-credit"));
        int persons = Integer.parseInt(opts.getOrDefault("persons", "1000000"));
        int settlers = Integer.parseInt(opts.getOrDefault("settlers", "4"));
        int chunk = Integer.parseInt(opts.getOrDefault("chunk", "250")); // persons a crediting transaction
        int patients = 2000;
        StoreConfig config = StoreConfig.derby(data);
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        try (OpenStore store = Stores.open(config, regions, ChinaTime.fromEnvironment(), chunk)) {
            String url = "jdbc:derby:" + data.resolve("db").toAbsolutePath();
            int have = count(url, "SELECT COUNT(*) FROM gj_person WHERE id LIKE 'B%'");
            if (have < persons) {
                long t0 = System.nanoTime();
                seed(url, have, persons);
                System.out.printf("loaded %,d persons by JDBC in %.1f s%n", persons - have, (System.nanoTime() - t0) / 1e9);
            }
            if (Boolean.parseBoolean(opts.getOrDefault("seed-only", "false"))) {
                return; // a folder to copy, so that every run credits the same month on the same data
            }
            store.persons().putInstitution(new Institution("H1", "焦作市人民医院", JIAOZUO, InstitutionLevel.TERTIARY, false), BENCH);
            for (int i = 0; i < patients; i++) {
                if (store.persons().person(patient(i)).isEmpty()) {
                    store.persons().putPerson(new Person(patient(i), "患者", JIAOZUO, LocalDate.of(1980, 5, 1),
                            PersonCategory.EMPLOYED, null, Money.ofYuan(6000), null, null, List.of()), BENCH);
                }
            }
            YearMonth month = nextMonth(url);
            int total = count(url, "SELECT COUNT(*) FROM gj_person WHERE region = '410800'");

            Latencies before = settle(store, settlers, patients, () -> sleep(5000));
            Latencies during = new Latencies();
            long[] took = new long[1];
            CreditingResult[] result = new CreditingResult[1];
            long[] cpu = new long[2];
            Latencies d = settle(store, settlers, patients, () -> {
                long writer0 = cpuNanos("gongji-group-commit");
                long t0 = System.nanoTime();
                result[0] = store.accounts().creditMonth(JIAOZUO, month, BENCH).value();
                took[0] = System.nanoTime() - t0;
                cpu[0] = cpuNanos("gongji-group-commit") - writer0;
                cpu[1] = cpuNanos("gongji-jobs-prefetch") + cpuNanos("gongji-jobs");
            });
            during = d;
            double seconds = took[0] / 1e9;
            System.out.printf("credited %s: %,d persons of %,d in %.1f s (%,.0f persons/s), total %s, %,d already credited%n",
                    month, result[0].personsCredited(), total, seconds, result[0].personsCredited() / seconds,
                    result[0].totalCredited(), result[0].personsAlreadyCredited());
            // CPU time tells the code's cost apart from a loaded machine's waits (the writer also books the settlements)
            System.out.printf("CPU: writer %.1f s, job runner and its prefetch %.1f s%n", cpu[0] / 1e9, cpu[1] / 1e9);
            System.out.printf("settlements before the run (5 s): %s%n", before);
            System.out.printf("settlements during the run:       %s%n", during);
            check(url, month, result[0]);
        }
    }

    /** CPU time of the live threads of that name so far, in nanoseconds. */
    static long cpuNanos(String threadName) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(threadName)) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    static String patient(int i) {
        return String.format("S%05d", i);
    }

    /** Runs {@code work} while {@code settlers} threads settle visits, and returns the settlements' latencies. */
    static Latencies settle(OpenStore store, int settlers, int patients, Runnable work) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Latencies[] each = new Latencies[settlers];
        Thread[] threads = new Thread[settlers];
        for (int t = 0; t < settlers; t++) {
            Latencies mine = each[t] = new Latencies();
            threads[t] = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    SettlementCommand visit = new SettlementCommand(patient(random.nextInt(patients)), "H1",
                            LocalDate.of(2024, 1 + random.nextInt(5), 1 + random.nextInt(28)), MedicalType.GENERAL_OUTPATIENT,
                            null, true, List.of(FeeLine.classA("A001", Money.parse("80.00"))));
                    long t0 = System.nanoTime();
                    store.settlements().settle(visit, BENCH);
                    mine.add(System.nanoTime() - t0);
                }
            }, "settler-" + t);
            threads[t].start();
        }
        try {
            work.run();
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }
        Latencies all = new Latencies();
        for (Latencies l : each) {
            all.addAll(l);
        }
        return all;
    }

    static void seed(String url, int from, int to) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2024, 1, 1, 0, 0));
            try (PreparedStatement person = c.prepareStatement("INSERT INTO gj_person (id, name, region, birth_date, category,"
                    + " contribution_base_fen, updated_at) VALUES (?, ?, '410800', ?, 'EMPLOYED', ?, ?)");
                    PreparedStatement account = c.prepareStatement("INSERT INTO gj_account (person_id, balance_fen,"
                            + " entry_count, updated_at) VALUES (?, 0, 0, ?)")) {
                java.sql.Date birth = java.sql.Date.valueOf(LocalDate.of(1980, 5, 1));
                for (int i = from; i < to; i++) {
                    String id = String.format("B%07d", i);
                    person.setString(1, id);
                    person.setString(2, "职工" + i);
                    person.setDate(3, birth);
                    person.setLong(4, 300_000 + (i % 700) * 1_000); // 3000.00 to 9990.00 a month
                    person.setTimestamp(5, now);
                    person.addBatch();
                    account.setString(1, id);
                    account.setTimestamp(2, now);
                    account.addBatch();
                    if ((i + 1) % 10_000 == 0 || i + 1 == to) {
                        person.executeBatch();
                        account.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    static int count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The month after the last one credited (January 2024 for a fresh database). */
    static YearMonth nextMonth(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(credit_month) FROM gj_crediting_run WHERE region = '410800'")) {
            rs.next();
            String last = rs.getString(1);
            return last == null ? YearMonth.of(2024, 1) : YearMonth.parse(last).plusMonths(1);
        }
    }

    /** The ledger after the run: every person credited once for the month, every balance the sum of its entries. */
    static void check(String url, YearMonth month, CreditingResult result) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT person_id), SUM(amount_fen) FROM gj_account_entry"
                    + " WHERE kind = 'MONTHLY_CREDIT' AND reference = '" + month + "'")) {
                rs.next();
                long entries = rs.getLong(1);
                long distinct = rs.getLong(2);
                long fen = rs.getLong(3);
                int persons = count(url, "SELECT COUNT(*) FROM gj_person WHERE region = '410800'");
                boolean ok = entries == distinct && entries == persons
                        && entries == result.personsCredited() + result.personsAlreadyCredited()
                        && (result.personsAlreadyCredited() > 0 || fen == result.totalCredited().fen());
                System.out.printf("check %s: %,d credit entries for %,d persons, %s in all: %s%n", month, entries, persons,
                        Money.ofFen(fen), ok ? "exact" : "NOT EXACT");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gj_account a WHERE a.balance_fen <>"
                    + " (SELECT COALESCE(SUM(e.amount_fen), 0) FROM gj_account_entry e WHERE e.person_id = a.person_id)")) {
                rs.next();
                System.out.printf("check balances: %s%n", rs.getLong(1) == 0 ? "every balance is the sum of its entries"
                        : rs.getLong(1) + " balances differ from their entries");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Latencies in nanoseconds. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        double percentileMs(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(size - 1, Math.ceil(p / 100 * size) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%,d settled, p50 %.1f ms, p99 %.1f ms, max %.1f ms", size, percentileMs(50),
                    percentileMs(99), percentileMs(100));
        }
    }
}
