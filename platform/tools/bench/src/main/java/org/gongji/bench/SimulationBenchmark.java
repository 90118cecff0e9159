package org.gongji.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.gongji.api.rules.Parameter;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.engine.simulation.Claim;
import org.gongji.engine.simulation.Simulation;
import org.gongji.engine.simulation.SimulationResult;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;

/**
 * A year of uploaded visits simulated under Jiaozuo's rules and a draft (the employed cap 1300.00 →
 * 1500.00), both sides, in parallel over persons:
 * {@code java -cp platform/tools/bench/target/benchmarks.jar org.gongji.bench.SimulationBenchmark [visits] [runs]}.
 * The mix: 100,000 persons (a quarter retired) with ten visits each spread over the year, at all
 * four levels, 20.00 to 400.00 a visit, so that some reach the cap and every year starts afresh.
 */
public final class SimulationBenchmark {

    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        int visits = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        StandardRegion baseline = StandardRegion.ofResource("rules/410800-jiaozuo.txt");
        List<Parameter> change = List.of(ParameterTableReader.parse(
                "outpatient.cap.employed | 1500.00 | 2024-01-01 | 测算草案 | benchmark", "benchmark"));
        Region draft = baseline.withOverrides("benchmark draft", change);
        List<Claim> claims = claims(visits);
        Simulation simulation = new Simulation();
        System.out.printf("%d visits of %d persons, %d threads%n", claims.size(), claims.size() / 10,
                Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            SimulationResult r = simulation.run(claims, baseline, draft);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: %d ms (%.0f visits/s, both sides); pool pay %s -> %s, capped %s -> %s%n", run, ms,
                    claims.size() * 1000.0 / Math.max(ms, 1), r.baseline().poolPaid(), r.draft().poolPaid(),
                    r.baseline().personsReachingCap(), r.draft().personsReachingCap());
        }
    }

    static List<Claim> claims(int visits) {
        RegionCode jiaozuo = RegionCode.of("410800");
        InstitutionLevel[] levels = {InstitutionLevel.PRIMARY, InstitutionLevel.SECONDARY, InstitutionLevel.TERTIARY,
                InstitutionLevel.PHARMACY};
        List<Institution> institutions = new ArrayList<>();
        for (InstitutionLevel level : levels) {
            institutions.add(new Institution("H-" + level, level.name(), jiaozuo, level, false));
        }
        SplittableRandom random = new SplittableRandom(42);
        List<Claim> claims = new ArrayList<>(visits);
        int persons = Math.max(1, visits / 10);
        for (int p = 0; p < persons; p++) {
            boolean retired = p % 4 == 0;
            Person person = new Person("P" + p, "p", jiaozuo, LocalDate.of(retired ? 1955 : 1980, 1 + p % 12, 1),
                    retired ? PersonCategory.RETIRED : PersonCategory.EMPLOYED, retired ? LocalDate.of(2015, 1, 1) : null,
                    Money.ofYuan(6000), null, null, null);
            for (int v = 0; v < 10 && claims.size() < visits; v++) {
                LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366));
                Institution at = institutions.get(random.nextInt(institutions.size()));
                Money amount = Money.ofFen(2_000 + random.nextInt(38_000));
                claims.add(Claim.uploaded(person, new Visit(date, MedicalType.GENERAL_OUTPATIENT, at, null,
                        List.of(FeeLine.classA("A001", amount))), v));
            }
        }
        return claims;
    }
}
