package org.gongji.payment.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Region;
import org.gongji.payment.BedDayCase;
import org.gongji.payment.BedDayCaseListReader;
import org.gongji.payment.BedDayPayment;
import org.gongji.payment.DipCase;
import org.gongji.payment.DipCatalogue;
import org.gongji.payment.DipGroup;
import org.gongji.payment.DrgCaseListReader;
import org.gongji.payment.DrgPayment;
import org.gongji.payment.PaymentRun;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;

/**
 * A year of DRG payment over {@code cases} synthetic stays (default 1,000,000) from their CSV, and a year
 * of bed-day payment over as many long stays: reading the CSV and computing, per round. Target: under
 * 2 s for each.
 */
public final class DrgYearEndBenchmark {

    private static final long TARGET_NANOS = 2_000_000_000L;
    private static final int GROUPS = 800;

    private DrgYearEndBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SplittableRandom random = new SplittableRandom(42);
        Region region = new StandardRegion(table());
        Map<String, Institution> institutions = SyntheticYear.institutions();
        List<String> ids = SyntheticYear.ids(institutions);
        List<DipGroup> groups = new ArrayList<>(GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            long weight = 2_000 + random.nextLong(60_000);   // RW 0.2 to 6.2 in 10^-4
            groups.add(new DipGroup("DRG" + g, "DRG" + g, "", "synthetic group " + g, weight, Money.ofFen(weight * 100)));
        }
        DipCatalogue catalogue = new DipCatalogue("synthetic DRG groups", groups);
        Path drgFile = Files.createTempFile("drg-cases-", ".csv");
        Path bedFile = Files.createTempFile("bed-day-stays-", ".csv");
        try {
            long costs = 0;
            long paid = 0;
            LocalDate first = SyntheticYear.YEAR.from();
            try (BufferedWriter out = Files.newBufferedWriter(drgFile, StandardCharsets.UTF_8)) {
                out.write("caseId,institutionId,group,date,totalCost,patientPaid,otherFundsPaid\n");
                for (int i = 0; i < cases; i++) {
                    DipGroup g = groups.get(random.nextInt(GROUPS));
                    int kind = random.nextInt(100);
                    long permille = kind < 3 ? 3_100 + random.nextInt(3_000) : kind < 8 ? 50 + random.nextInt(300)
                            : 500 + random.nextInt(1_200);
                    long cost = Math.max(1, g.averageCost().fen() * permille / 1000);
                    long patient = cost / 5;
                    costs += cost;
                    paid += patient;
                    out.write("K" + i + "," + ids.get(random.nextInt(ids.size())) + "," + g.code() + ","
                            + first.plusDays(random.nextInt(365)) + "," + Money.ofFen(cost) + "," + Money.ofFen(patient) + ",0\n");
                }
            }
            Money budget = Money.ofFen((costs - paid) * 7 / 10);
            try (BufferedWriter out = Files.newBufferedWriter(bedFile, StandardCharsets.UTF_8)) {
                out.write("caseId,institutionId,category,admissionDate,dischargeDate,totalCost,patientPaid,otherFundsPaid\n");
                for (int i = 0; i < cases; i++) {
                    LocalDate discharge = first.plusDays(random.nextInt(365));
                    LocalDate admission = discharge.minusDays(1 + random.nextInt(400));
                    out.write("B" + i + "," + ids.get(random.nextInt(ids.size())) + ","
                            + (random.nextBoolean() ? "REHABILITATION" : "PSYCHIATRIC") + "," + admission + "," + discharge
                            + ",90000.00,5000.00,0\n");
                }
            }
            System.out.printf("DRG and bed-day year: %,d stays each (%,d MB + %,d MB CSV), %d DRG groups, %d institutions,"
                    + " DRG budget %s; %d cores, Java %s%n", cases, Files.size(drgFile) >> 20, Files.size(bedFile) >> 20,
                    GROUPS, institutions.size(), budget, Runtime.getRuntime().availableProcessors(), Runtime.version());
            long[] drg = new long[rounds];
            long[] bed = new long[rounds];
            for (int r = 0; r <= rounds; r++) {
                long start = System.nanoTime();
                List<DipCase> list;
                try (Reader in = Files.newBufferedReader(drgFile, StandardCharsets.UTF_8)) {
                    list = DrgCaseListReader.read(drgFile.getFileName().toString(), in);
                }
                long read = System.nanoTime();
                PaymentRun run = new DrgPayment().run(region, SyntheticYear.YEAR, budget, catalogue, list, institutions);
                long done = System.nanoTime();
                if (!run.total().equals(budget)) {
                    throw new IllegalStateException("paid " + run.total() + " but the budget is " + budget);
                }
                list = null;
                long bedStart = System.nanoTime();
                List<BedDayCase> stays;
                try (Reader in = Files.newBufferedReader(bedFile, StandardCharsets.UTF_8)) {
                    stays = BedDayCaseListReader.read(bedFile.getFileName().toString(), in);
                }
                long bedRead = System.nanoTime();
                PaymentRun bedRun = new BedDayPayment().run(region, SyntheticYear.YEAR, stays, institutions);
                long bedDone = System.nanoTime();
                String label = r == 0 ? "warm-up" : "round " + r;
                System.out.printf("%-8s DRG read %5.2f s compute %5.2f s total %5.2f s (paid %s = budget) | bed-day read %5.2f s"
                        + " compute %5.2f s total %5.2f s (paid %s)%n", label, seconds(read - start), seconds(done - read),
                        seconds(done - start), run.total(), seconds(bedRead - bedStart), seconds(bedDone - bedRead),
                        seconds(bedDone - bedStart), bedRun.total());
                if (r > 0) {
                    drg[r - 1] = done - start;
                    bed[r - 1] = bedDone - bedStart;
                }
            }
            Arrays.sort(drg);
            Arrays.sort(bed);
            System.out.printf("DRG read + compute: best %.2f s, median %.2f s, worst %.2f s; bed-day: best %.2f s, median %.2f s,"
                    + " worst %.2f s; target < 2 s: %s%n", seconds(drg[0]), seconds(drg[rounds / 2]), seconds(drg[rounds - 1]),
                    seconds(bed[0]), seconds(bed[rounds / 2]), seconds(bed[rounds - 1]),
                    drg[0] < TARGET_NANOS && bed[0] < TARGET_NANOS ? "met (best round)" : "MISSED");
        } finally {
            Files.deleteIfExists(drgFile);
            Files.deleteIfExists(bedFile);
        }
    }

    static ParameterTable table() {
        String[] lines = {
            "region.code | 990100 | 2023-01-01 | BENCH |",
            "region.name | 基准市 | 2023-01-01 | BENCH |",
            "region.effectiveFrom | 2023-01-01 | 2023-01-01 | BENCH |",
            "payment.methods | DRG,BED_DAY | 2023-01-01 | BENCH |",
            "payment.drg.medTypes | INPATIENT | 2023-01-01 | BENCH |",
            "payment.drg.highRatio | 300% | 2023-01-01 | BENCH |",
            "payment.drg.lowRatio | 40% | 2023-01-01 | BENCH |",
            "payment.drg.coefficient.tertiary | 100% | 2023-01-01 | BENCH |",
            "payment.drg.coefficient.secondary | 90% | 2023-01-01 | BENCH |",
            "payment.drg.coefficient.primary | 80% | 2023-01-01 | BENCH |",
            "payment.bedDay.medTypes | INPATIENT | 2023-01-01 | BENCH |",
            "payment.bedDay.rate.REHABILITATION | 400.00 | 2023-01-01 | BENCH |",
            "payment.bedDay.rate.PSYCHIATRIC | 200.00 | 2023-01-01 | BENCH |",
            "payment.bedDay.band.1.fromDay | 1 | 2023-01-01 | BENCH |",
            "payment.bedDay.band.1.share | 100% | 2023-01-01 | BENCH |",
            "payment.bedDay.band.2.fromDay | 61 | 2023-01-01 | BENCH |",
            "payment.bedDay.band.2.share | 90% | 2023-01-01 | BENCH |",
            "payment.bedDay.band.3.fromDay | 181 | 2023-01-01 | BENCH |",
            "payment.bedDay.band.3.share | 80% | 2023-01-01 | BENCH |",
        };
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            parameters.add(ParameterTableReader.parse(lines[i], "bench:" + (i + 1)));
        }
        return ParameterTable.of("bench", parameters);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
