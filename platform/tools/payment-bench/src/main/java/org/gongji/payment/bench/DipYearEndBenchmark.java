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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Region;
import org.gongji.payment.DipCase;
import org.gongji.payment.DipCaseListReader;
import org.gongji.payment.DipCatalogue;
import org.gongji.payment.DipGroup;
import org.gongji.payment.DipPayment;
import org.gongji.payment.PaymentPeriod;
import org.gongji.payment.PaymentRun;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;

/**
 * The DIP year-end (年终清算) over a synthetic region: a million cases uploaded as a CSV case list,
 * read, grouped, scored and apportioned. Prints the time of each round; the target is under 10 s
 * for reading plus computing. Arguments: number of cases (default 1,000,000), rounds (default 3).
 * The data are generated with a fixed seed, so every run measures the same work.
 */
public final class DipYearEndBenchmark {

    private static final long TARGET_NANOS = 10_000_000_000L;

    private DipYearEndBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SyntheticYear year = new SyntheticYear(42);
        Region region = new StandardRegion(SyntheticYear.table());
        DipCatalogue catalogue = year.catalogue();
        Map<String, Institution> institutions = SyntheticYear.institutions();
        Path file = Files.createTempFile("dip-cases-", ".csv");
        try {
            Money budget;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                budget = year.writeCases(out, cases, catalogue, new ArrayList<>(institutions.keySet()));
            }
            System.out.printf("DIP year-end: %,d cases (%,d MB CSV), %,d groups, %d institutions, budget %s; %d cores, Java %s%n",
                    cases, Files.size(file) >> 20, catalogue.groups().size(), institutions.size(), budget,
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            long[] totals = new long[rounds];
            for (int r = 0; r <= rounds; r++) {
                long start = System.nanoTime();
                List<DipCase> list;
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    list = DipCaseListReader.read(file.getFileName().toString(), in);
                }
                long read = System.nanoTime();
                PaymentRun run = new DipPayment().run(region, SyntheticYear.YEAR, budget, catalogue, list, institutions);
                long done = System.nanoTime();
                if (!run.total().equals(budget)) {
                    throw new IllegalStateException("paid " + run.total() + " but the budget is " + budget);
                }
                String label = r == 0 ? "warm-up" : "round " + r;
                System.out.printf("%-8s read %6.2f s  compute %6.2f s  total %6.2f s  (paid %s to %d institutions = budget)%n",
                        label, seconds(read - start), seconds(done - read), seconds(done - start), run.total(),
                        run.institutions().size());
                if (r > 0) {
                    totals[r - 1] = done - start;
                }
            }
            Arrays.sort(totals);
            long worst = totals[totals.length - 1];
            System.out.printf("read + compute: best %.2f s, median %.2f s, worst %.2f s; target < 10 s: %s%n",
                    seconds(totals[0]), seconds(totals[totals.length / 2]), seconds(worst), worst < TARGET_NANOS ? "met" : "MISSED");
            if (worst >= TARGET_NANOS) {
                System.exit(1);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

}
