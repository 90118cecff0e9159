package org.gongji.bench;

import java.time.LocalDate;
import java.util.List;
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
 * Outpatient settlement throughput of the pure engine on Jiaozuo's real rules, single thread:
 * a rotating mix of levels, categories, family-doctor contracts and class A/B/C lines, with
 * year-to-date accumulators carried forward (so caps are checked against real usage).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SettlementBenchmark {

    private static final RegionCode JIAOZUO = RegionCode.of("410800");

    private final SettlementEngine engine = new SettlementEngine();
    private Region region;
    private Person[] persons;
    private Visit[] visits;
    private YearToDate[] accumulators;
    private int next;

    @Setup
    public void setUp() {
        region = StandardRegion.ofResource("rules/410800-jiaozuo.txt");
        persons = new Person[] {
            person("e1", PersonCategory.EMPLOYED, null),
            person("r1", PersonCategory.RETIRED, "primary-1"),
            person("e2", PersonCategory.EMPLOYED, "primary-1"),
            person("r2", PersonCategory.RETIRED, null),
        };
        InstitutionLevel[] levels = {InstitutionLevel.TERTIARY, InstitutionLevel.SECONDARY, InstitutionLevel.PRIMARY,
            InstitutionLevel.PHARMACY};
        visits = new Visit[16];
        for (int i = 0; i < visits.length; i++) {
            InstitutionLevel level = levels[i % levels.length];
            Institution institution = new Institution(level == InstitutionLevel.PRIMARY ? "primary-1" : level + "-1", "bench",
                    JIAOZUO, level, false);
            visits[i] = new Visit(LocalDate.of(2023, 1 + i % 12, 1 + i), MedicalType.GENERAL_OUTPATIENT, institution, null,
                    List.of(FeeLine.classA("A1", Money.ofFen(12_000 + 731L * i)),
                            FeeLine.classB("B1", Money.ofFen(5_000 + 97L * i), Ratio.ofPercent(10)),
                            FeeLine.classC("C1", Money.ofFen(1_500))));
        }
        accumulators = new YearToDate[persons.length];
    }

    private static Person person(String id, PersonCategory category, String familyDoctor) {
        return new Person(id, id, JIAOZUO, LocalDate.of(1960, 5, 1), category,
                category == PersonCategory.RETIRED ? LocalDate.of(2020, 5, 1) : null, Money.ofYuan(6000), familyDoctor, null, null);
    }

    @Benchmark
    public SettlementResult outpatientSettlement() {
        int i = next++;
        int p = i & 3;
        SettlementResult result = engine.settle(new SettlementRequest(persons[p], visits[i & 15], region, accumulators[p],
                Money.ofYuan(300), true));
        // carry the year forward, restarting it now and then so the caps are not always exhausted
        accumulators[p] = (i & 255) == 255 ? null : result.yearToDate();
        return result;
    }
}
