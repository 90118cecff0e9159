package org.gongji.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.SettlementRequest;
import org.gongji.engine.SettlementResult;
import org.gongji.rules.StandardRegion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Outpatient settlement throughput of the pure engine on Jiaozuo's real rules, single thread, over
 * a year of a small city: {@value #PERSONS} persons (70 % employed, 30 % retired, a third signed with
 * a family doctor) whose visits are spread over the twelve months in date order, each person's
 * year-to-date carried from visit to visit, and every person's year reset together in January when
 * the year starts again. Most visits are small, some reach the deductible's limit, a few are large:
 * caps are reached now and then, not always. {@link #mix()} prints what the year looks like.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SettlementBenchmark {

    static final int PERSONS = 2_000;
    private static final RegionCode JIAOZUO = RegionCode.of("410800");

    private final SettlementEngine engine = new SettlementEngine();
    private Region region;
    private Person[] persons;
    /** The year's visits in date order, and whose each is. */
    private Visit[] visits;
    private int[] visitor;
    private YearToDate[] accumulators;
    private int next;

    @Setup
    public void setUp() {
        region = StandardRegion.ofResource("rules/410800-jiaozuo.txt");
        SplittableRandom random = new SplittableRandom(20230101L);
        persons = new Person[PERSONS];
        double[] visitsPerMonth = new double[PERSONS];
        for (int p = 0; p < PERSONS; p++) {
            PersonCategory category = random.nextInt(10) < 7 ? PersonCategory.EMPLOYED : PersonCategory.RETIRED;
            persons[p] = person("p" + p, category, random.nextInt(3) == 0 ? "primary-1" : null);
            // most people see a doctor a few times a year, some every month
            int kind = random.nextInt(10);
            visitsPerMonth[p] = kind < 6 ? 0.25 : kind < 9 ? 0.5 : 1.0;
        }
        List<Visit> year = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (int p = 0; p < PERSONS; p++) {
                if (random.nextDouble() < visitsPerMonth[p]) {
                    year.add(visit(random, LocalDate.of(2023, month, 1 + random.nextInt(28))));
                    who.add(p);
                }
            }
        }
        visits = year.toArray(Visit[]::new);
        visitor = who.stream().mapToInt(Integer::intValue).toArray();
        accumulators = new YearToDate[PERSONS];
        mix();
    }

    private static Visit visit(SplittableRandom random, LocalDate date) {
        int level = random.nextInt(20);
        InstitutionLevel l = level < 7 ? InstitutionLevel.PRIMARY : level < 12 ? InstitutionLevel.SECONDARY
                : level < 17 ? InstitutionLevel.TERTIARY : InstitutionLevel.PHARMACY;
        Institution institution = new Institution(l == InstitutionLevel.PRIMARY ? "primary-1" : l + "-1", "bench", JIAOZUO, l, false);
        int size = random.nextInt(100);
        // yuan: 70 % 30-200, 25 % 200-800, 5 % 800-3000
        long fen = size < 70 ? 3_000 + random.nextLong(17_000) : size < 95 ? 20_000 + random.nextLong(60_000)
                : 80_000 + random.nextLong(220_000);
        List<FeeLine> lines = new ArrayList<>();
        lines.add(FeeLine.classA("A1", Money.ofFen(fen * 6 / 10)));
        lines.add(FeeLine.classB("B1", Money.ofFen(fen * 3 / 10), Ratio.ofPercent(10)));
        if (random.nextInt(5) == 0) {
            lines.add(FeeLine.classC("C1", Money.ofFen(fen / 10)));
        } else {
            lines.set(0, FeeLine.classA("A1", Money.ofFen(fen - fen * 3 / 10)));
        }
        return new Visit(date, MedicalType.GENERAL_OUTPATIENT, institution, null, lines);
    }

    private static Person person(String id, PersonCategory category, String familyDoctor) {
        return new Person(id, id, JIAOZUO, LocalDate.of(1960, 5, 1), category,
                category == PersonCategory.RETIRED ? LocalDate.of(2020, 5, 1) : null, Money.ofYuan(6000), familyDoctor, null, null);
    }

    /** Settles the year once and prints its mix: how many settlements the pool pays, how many meet the cap. */
    void mix() {
        YearToDate[] ytd = new YearToDate[PERSONS];
        int paid = 0;
        int capped = 0;
        boolean[] reached = new boolean[PERSONS];
        for (int i = 0; i < visits.length; i++) {
            int p = visitor[i];
            SettlementResult r = engine.settle(new SettlementRequest(persons[p], visits[i], region, ytd[p], Money.ofYuan(300), true));
            ytd[p] = r.yearToDate();
            paid += r.breakdown().poolPaid().isPositive() ? 1 : 0;
            if (r.breakdown().overCapSelfPaid().isPositive()) {
                capped++;
                reached[p] = true;
            }
        }
        int persons = 0;
        for (boolean b : reached) {
            persons += b ? 1 : 0;
        }
        System.out.printf("mix: %d persons, %d visits a year; the pool pays in %d (%.0f %%); %d (%.1f %%) meet the annual cap,"
                + " %d persons (%.1f %%) reach it; every person's year restarts in January%n", PERSONS, visits.length, paid,
                100.0 * paid / visits.length, capped, 100.0 * capped / visits.length, persons, 100.0 * persons / PERSONS);
    }

    @Benchmark
    public SettlementResult outpatientSettlement() {
        int i = next;
        int p = visitor[i];
        SettlementResult result = engine.settle(new SettlementRequest(persons[p], visits[i], region, accumulators[p],
                Money.ofYuan(300), true));
        accumulators[p] = result.yearToDate();
        if (++next == visits.length) {
            // January: the year starts again for everyone
            next = 0;
            Arrays.fill(accumulators, null);
        }
        return result;
    }
}
