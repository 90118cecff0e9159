package org.gongji.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.RegionJar;
import org.gongji.rules.StandardRegion;
import org.gongji.rules.vocabulary.Problem;
import org.gongji.rules.vocabulary.Vocabulary;

/**
 * The filing check for bureaus, with no Maven: {@code java -jar gongji-tools.jar check <table>
 * [scenarios.csv] [--province <table or region jar>]}. Prints the filing report in three parts —
 * the key vocabulary (every line the vocabulary refuses, with its key), the province's bounds (for a
 * city: each number against them on every date either table changes), and the scenarios (each row
 * settled and compared) — and exits 0 when all pass, 1 when one fails, 2 on a usage error.
 * The province of a city is {@code --province}, or found among the region jars beside the tool
 * ({@code ../regions}, {@code ../deploy} of the distribution).
 */
public final class FilingCheck {

    private static final String USAGE = "usage: java -jar gongji-tools.jar check <table.txt or region jar> [scenarios.csv]"
            + " [--province <table.txt or region jar>]";

    private FilingCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, toolFolder()));
    }

    /** The check; returns the exit status. {@code toolFolder} is where region jars are looked for ({@code ../regions}). */
    static int run(String[] args, PrintStream out, Path toolFolder) {
        List<String> positional = new ArrayList<>();
        Path provinceFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--province") && i + 1 < args.length) {
                provinceFile = Path.of(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() < 2 || positional.size() > 3 || !positional.get(0).equals("check")) {
            out.println(USAGE);
            return 2;
        }
        Path table = Path.of(positional.get(1));
        Path scenarios = positional.size() == 3 ? Path.of(positional.get(2)) : null;
        if (!Files.exists(table) || (scenarios != null && !Files.isRegularFile(scenarios))) {
            out.println("no such file: " + (Files.exists(table) ? scenarios : table));
            out.println(USAGE);
            return 2;
        }
        boolean passed = true;

        out.println("== 1. Key vocabulary (GET /api/v1/parameters) ==");
        Region region;
        try {
            List<Problem> problems = vocabularyProblems(table);
            if (!problems.isEmpty()) {
                problems.forEach(p -> out.println("  REFUSED " + p.display()));
                out.println("The table is refused: the region would not serve. Fix the lines above.");
                return 1;
            }
            region = read(table);
        } catch (RuntimeException e) {
            out.println("  REFUSED " + e.getMessage());
            return 1;
        }
        out.println("  OK: " + region.parameters().entries().size() + " rows of " + region.metadata().code() + " "
                + region.metadata().name() + ", every key known, every value of its kind, nothing required missing");

        out.println();
        out.println("== 2. Bounds ==");
        Optional<Region> province = Optional.empty();
        RegionCode code = region.metadata().code();
        if (code.isProvince()) {
            out.println("  Province " + code + ": " + region.bounds().size() + " bounds on its cities");
            for (Bound b : region.bounds()) {
                out.println("  - " + b.id() + ": " + b.description() + " [" + b.citation() + "]");
            }
            if (region.outpatientPooling().isPresent() && !region.bounds().isEmpty()) {
                ConformanceReport self = ConformanceCheck.check(region, region);
                out.println(indent(ConformanceText.of(region, region, self)));
                passed &= !self.violates();
            }
        } else {
            RegionCode parent = region.metadata().parentCode().orElse(code.province());
            province = provinceFile != null ? Optional.of(read(provinceFile)) : findProvince(parent, toolFolder);
            if (province.isEmpty()) {
                out.println("  NOT CHECKED: the province " + parent + " was not found; give it with --province <table or jar>");
                passed = false;
            } else {
                ConformanceReport report = ConformanceCheck.check(region, province.get());
                out.println(indent(ConformanceText.of(region, province.get(), report)));
                passed &= !report.violates();
            }
        }

        out.println();
        out.println("== 3. Scenarios ==");
        if (scenarios == null) {
            out.println("  none given (a scenarios CSV as the testkit's README describes)");
        } else {
            MapRegionRegistry registry = new MapRegionRegistry();
            province.ifPresent(registry::put);
            registry.put(region);
            List<ScenarioRunner.Outcome> outcomes;
            try {
                outcomes = new ScenarioRunner(registry).run(CsvTable.read(url(scenarios), scenarios.toString()).stream()
                        .map(row -> Scenario.of(row, code)).toList());
            } catch (RuntimeException e) {
                out.println("  cannot read " + scenarios + ": " + e.getMessage());
                return 1;
            }
            int failed = 0;
            for (ScenarioRunner.Outcome o : outcomes) {
                try {
                    Expectations.check(o);
                    out.println("  PASS " + o.scenario().title());
                } catch (AssertionError e) {
                    failed++;
                    out.println("  FAIL " + o.scenario().title());
                    out.println(indent(indent(e.getMessage())));
                }
            }
            out.println("  " + (outcomes.size() - failed) + " of " + outcomes.size() + " scenarios pass");
            passed &= failed == 0;
        }
        out.println();
        out.println(passed ? "FILING CHECK PASSED" : "FILING CHECK FAILED");
        return passed ? 0 : 1;
    }

    private static List<Problem> vocabularyProblems(Path table) {
        if (!table.toString().endsWith(".txt")) {
            try {
                RegionJar.read(table);
                return List.of();
            } catch (org.gongji.rules.vocabulary.TableRefused e) {
                return e.problems();
            }
        }
        try (InputStream in = Files.newInputStream(table)) {
            ParameterTableReader.read(table.toString(), in, Vocabulary.standard());
            return List.of();
        } catch (org.gongji.rules.vocabulary.TableRefused e) {
            return e.problems();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table file or a region jar (or its classes folder). */
    static Region read(Path location) {
        if (location.toString().endsWith(".txt")) {
            return new StandardRegion(StandardRegion.table(url(location), location.toString(), Vocabulary.standard()));
        }
        return RegionJar.read(location);
    }

    private static Optional<Region> findProvince(RegionCode code, Path toolFolder) {
        if (toolFolder == null) {
            return Optional.empty();
        }
        for (Path folder : List.of(toolFolder.resolveSibling("regions"), toolFolder.resolveSibling("deploy"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : jars) {
                    try {
                        if (RegionJar.tableOf(jar).isPresent()) {
                            Region r = RegionJar.read(jar);
                            if (r.metadata().code().equals(code)) {
                                return Optional.of(r);
                            }
                        }
                    } catch (RuntimeException unreadable) {
                        // not a region jar we can read: not the province
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    private static Path toolFolder() {
        try {
            Path jar = Path.of(FilingCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? jar.getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String indent(String text) {
        return text == null ? "" : "  " + text.replace(System.lineSeparator(), System.lineSeparator() + "  ").replace("\n", "\n  ");
    }
}
