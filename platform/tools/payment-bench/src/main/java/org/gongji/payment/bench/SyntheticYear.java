package org.gongji.payment.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.payment.DipCatalogue;
import org.gongji.payment.DipGroup;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.Points;
import org.gongji.rules.ParameterTableReader;

/**
 * A synthetic DIP year (region 990100, 2023): 10,000 groups, 400 institutions, cases with 5 %
 * high-ratio, 5 % low-ratio and 1 % ungroupable outliers, generated from a fixed seed.
 */
final class SyntheticYear {

    static final PaymentPeriod YEAR = PaymentPeriod.parse("2023");
    static final RegionCode CODE = RegionCode.of("990100");
    static final String CASES_HEADER = "caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,otherFundsPaid";
    private static final int DIAGNOSES = 5_000;

    private final SplittableRandom random;

    SyntheticYear(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static ParameterTable table() {
        String[] lines = {
            "region.code | 990100 | 2023-01-01 | BENCH |",
            "region.name | 基准市 | 2023-01-01 | BENCH |",
            "region.effectiveFrom | 2023-01-01 | 2023-01-01 | BENCH |",
            "payment.methods | DIP | 2023-01-01 | BENCH |",
            "payment.dip.medTypes | DAY_SURGERY,INPATIENT | 2023-01-01 | BENCH |",
            "payment.dip.highRatio | 200% | 2023-01-01 | BENCH |",
            "payment.dip.lowRatio | 50% | 2023-01-01 | BENCH |",
            "payment.dip.coefficient.tertiary | 100% | 2023-01-01 | BENCH |",
            "payment.dip.coefficient.secondary | 90% | 2023-01-01 | BENCH |",
            "payment.dip.coefficient.primary | 80% | 2023-01-01 | BENCH |",
        };
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            parameters.add(ParameterTableReader.parse(lines[i], "bench:" + (i + 1)));
        }
        return ParameterTable.of("bench", parameters);
    }

    /** Per diagnosis a conservative group and a surgical one; a point is worth about 100 yuan. */
    DipCatalogue catalogue() {
        List<DipGroup> groups = new ArrayList<>(DIAGNOSES * 2);
        for (int d = 0; d < DIAGNOSES; d++) {
            String diagnosis = diagnosis(d);
            long conservative = 50_000 + random.nextLong(1_000_000);
            long surgical = 500_000 + random.nextLong(5_000_000);
            groups.add(new DipGroup("C" + d, diagnosis, "", "synthetic conservative " + d, conservative, Money.ofFen(conservative)));
            groups.add(new DipGroup("S" + d, diagnosis, procedure(d), "synthetic surgical " + d, surgical, Money.ofFen(surgical)));
        }
        return new DipCatalogue("synthetic catalogue", groups);
    }

    static Map<String, Institution> institutions() {
        Map<String, Institution> map = new LinkedHashMap<>();
        RegionCode code = CODE;
        for (int i = 0; i < 400; i++) {
            InstitutionLevel level = i < 20 ? InstitutionLevel.TERTIARY : i < 100 ? InstitutionLevel.SECONDARY : InstitutionLevel.PRIMARY;
            String id = "H" + i;
            map.put(id, new Institution(id, "synthetic " + i, code, level, false));
        }
        return map;
    }

    /** Writes the case list; returns a budget of about 70 % of what the fund would pay per item. */
    Money writeCases(Writer out, int cases, DipCatalogue catalogue, List<String> institutions) throws IOException {
        long costs = 0;
        long paidByOthers = 0;
        LocalDate first = YEAR.from();
        out.write(CASES_HEADER + "\n");
        for (int i = 0; i < cases; i++) {
            int d = random.nextInt(DIAGNOSES);
            boolean surgical = random.nextBoolean();
            boolean ungrouped = random.nextInt(100) == 0;
            String diagnosis = ungrouped ? "X99." + d : diagnosis(d);
            String procedure = surgical ? procedure(d) : "";
            DipGroup group = catalogue.group(diagnosis(d), procedure);
            long average = group.averageCost().fen();
            int kind = random.nextInt(100);
            long permille = kind < 5 ? 2_100 + random.nextInt(3_000) : kind < 10 ? 100 + random.nextInt(350)
                    : 600 + random.nextInt(1_000);
            long cost = Math.max(1, average * permille / 1000);
            long patient = cost / 5;
            long other = random.nextInt(20) == 0 ? cost / 10 : 0;
            costs += cost;
            paidByOthers += patient + other;
            out.write("K" + i + "," + institutions.get(random.nextInt(institutions.size())) + "," + diagnosis + ","
                    + procedure + "," + first.plusDays(random.nextInt(365)) + "," + Money.ofFen(cost) + ","
                    + Money.ofFen(patient) + "," + Money.ofFen(other) + "\n");
        }
        return Money.ofFen((costs - paidByOthers) * 7 / 10);
    }

    private static String diagnosis(int d) {
        return "D" + (d / 100) + "." + (d % 100);
    }

    private static String procedure(int d) {
        return "P" + (d * 7 % 1000) + "." + (d % 10);
    }

    /** The catalogue as the CSV a bureau uploads. */
    static void writeCatalogue(Writer out, DipCatalogue catalogue) throws IOException {
        out.write("group,diagnosis,procedure,name,score,averageCost\n");
        for (DipGroup g : catalogue.groups()) {
            out.write(g.code() + "," + g.diagnosis() + "," + g.procedure() + "," + g.name() + ","
                    + Points.display(g.score()) + "," + g.averageCost() + "\n");
        }
    }

    static List<String> ids(Map<String, Institution> institutions) {
        return new ArrayList<>(institutions.keySet());
    }
}
