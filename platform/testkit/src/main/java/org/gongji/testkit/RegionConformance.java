package org.gongji.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gongji.api.region.RegionCode;
import java.time.LocalDate;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.chronic.ChronicDisease;
import org.gongji.api.spi.chronic.ChronicDiseaseCoverage;
import org.gongji.api.spi.drug.SeparatelyPaidDrugs;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.api.rules.Parameter;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionService;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.conformance.ConformanceStatus;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The standard checks every region bundle runs, as dynamic tests:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; conformance() {
 *     return RegionConformance.tests(StandardRegion.ofResource("rules/370100-jinan.txt"), StandardRegion.ofResource("rules/370000-shandong.txt"));
 * }
 * </pre>
 * <ul>
 * <li>the parameter table loads and every row is cited (document and clause) or an ASSUMPTION with its reason;</li>
 * <li>the region's metadata matches the service properties of its {@code @RegionService} registration;</li>
 * <li>a city conforms to its province's bounds on every date either changes (the filing check), and
 *     the report is written to {@code target/filing-report-<code>.txt};</li>
 * <li>a province's bounds are readable and cited, and its own defaults (if it serves any) sit inside them.</li>
 * </ul>
 */
public final class RegionConformance {

    private RegionConformance() {
    }

    /**
     * @param region the region under test
     * @param others its province (for a city), found by the city's parent code
     */
    public static Stream<DynamicTest> tests(Region region, Region... others) {
        String code = region.metadata().code().value();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(code + ": the parameter table has rows and a basis document",
                () -> tableLoads(region)));
        tests.add(DynamicTest.dynamicTest(code + ": every row is cited or an assumption with its reason",
                () -> everyRowCitedOrFlagged(region)));
        tests.add(DynamicTest.dynamicTest(code + ": metadata matches the table name or the @RegionService registration",
                () -> metadataMatchesRegistration(region)));
        if (region.chronicDiseaseCoverage().isPresent()) {
            tests.add(DynamicTest.dynamicTest(code + ": every disease of the chronic catalogue has terms that settle at every level",
                    () -> chronicDiseasesSettle(region)));
        }
        if (region.separatelyPaidDrugs().isPresent()) {
            tests.add(DynamicTest.dynamicTest(code + ": every separately paid drug has its terms", () -> drugsHaveTerms(region)));
        }
        if (region.metadata().code().isProvince()) {
            tests.add(DynamicTest.dynamicTest(code + ": every bound names its target and clause", () -> boundsCited(region)));
            if (region.outpatientPooling().isPresent() && !region.bounds().isEmpty()) {
                tests.add(DynamicTest.dynamicTest(code + ": the province defaults sit inside its own bounds",
                        () -> conforms(region, region)));
            }
        } else {
            tests.add(DynamicTest.dynamicTest(code + ": conforms to its province's bounds (filing check)",
                    () -> conforms(region, province(region, others))));
        }
        return tests.stream();
    }

    /** The filing check of a city against its province, with the report as text; also written under target/. */
    public static ConformanceReport check(Region city, Region province) {
        ConformanceReport report = ConformanceCheck.check(city, province);
        String text = ConformanceText.of(city, province, report);
        writeReport(city.metadata().code(), text);
        return report;
    }

    private static void tableLoads(Region region) {
        Assertions.assertFalse(region.parameters().entries().isEmpty(), "the parameter table is empty");
        Assertions.assertNotNull(region.metadata().basis(), "no basis document (region.effectiveFrom's citation)");
    }

    private static void everyRowCitedOrFlagged(Region region) {
        List<String> problems = new ArrayList<>();
        for (Parameter p : region.parameters().entries()) {
            if (p.assumption()) {
                if (p.note().isBlank()) {
                    problems.add(p.key() + " from " + p.effectiveFrom() + " is an ASSUMPTION without its reason in the note");
                }
            } else if (p.citation().document().isBlank()) {
                problems.add(p.key() + " from " + p.effectiveFrom() + " has no source document");
            }
        }
        Assertions.assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static void metadataMatchesRegistration(Region region) {
        if (region.getClass() == StandardRegion.class) {
            // a data-only region jar: the runtime registers it by its table, whose name starts with the code
            String source = region.parameters().source();
            String name = source.substring(source.lastIndexOf('/') + 1);
            Assertions.assertTrue(name.startsWith(region.metadata().code().value() + "-"),
                    () -> "the table " + source + " is named <code>-<name>.txt, code " + region.metadata().code());
            if (!region.metadata().code().isProvince()) {
                Assertions.assertEquals(region.metadata().code().province(), region.metadata().parent(),
                        "a city's region.parent is the province of its code");
            }
            return;
        }
        Optional<ComponentDescriptor> descriptor = ComponentDescriptor.of(region.getClass());
        Assertions.assertTrue(descriptor.isPresent(), () -> "no OSGI-INF/" + region.getClass().getName()
                + ".xml: annotate the class with @Component(service = Region.class) and @RegionService(code = ..., parent = ...)"
                + " and let bnd-maven-plugin process it");
        ComponentDescriptor d = descriptor.get();
        Assertions.assertTrue(d.services().contains(Region.class.getName()), "the component does not provide " + Region.class.getName());
        Assertions.assertEquals(region.metadata().code().value(), d.properties().get(RegionService.CODE),
                "region.code of @RegionService vs the table's region.code");
        String parent = region.metadata().parentCode().map(RegionCode::value).orElse("");
        Assertions.assertEquals(parent, d.properties().getOrDefault(RegionService.PARENT, ""),
                "region.parent of @RegionService vs the table's region.parent");
        if (!region.metadata().code().isProvince()) {
            Assertions.assertEquals(region.metadata().code().province().value(), parent,
                    "a city's parent is the province of its code");
        }
    }

    /** On every date the table changes, each catalogued disease under per-disease cover resolves its terms at every level. */
    private static void chronicDiseasesSettle(Region region) {
        ChronicDiseaseCoverage coverage = region.chronicDiseaseCoverage().orElseThrow();
        List<String> problems = new ArrayList<>();
        Person person = new Person("conformance", "conformance", region.metadata().code(), LocalDate.of(1960, 1, 1),
                PersonCategory.RETIRED, LocalDate.of(2020, 1, 1), Money.ZERO, null, null, null);
        for (LocalDate date : region.parameters().changeDates()) {
            if (date.isBefore(region.metadata().effectiveFrom())) {
                continue;
            }
            for (ChronicDisease d : coverage.diseases(date)) {
                if (!d.code().matches("[A-Z][0-9]{5}")) {
                    problems.add(date + " " + d.code() + ": not a catalogue code (a letter and five digits)");
                }
                if (d.cover() == ChronicDisease.Cover.COST) {
                    continue;
                }
                if (d.group() == null) {
                    problems.add(date + " " + d.code() + " " + d.name() + ": in the catalogue but in no chronic.group.<G>.diseases");
                    continue;
                }
                for (InstitutionLevel level : InstitutionLevel.values()) {
                    Institution at = new Institution("conformance-" + level, "conformance", region.metadata().code(), level, false);
                    Visit visit = new Visit(date, MedicalType.CHRONIC_OUTPATIENT, at, d.code(),
                            List.of(FeeLine.classA("X", Money.ofYuan(100))));
                    try {
                        if (coverage.chronicOutpatient(new BenefitContext(person, visit, YearToDate.empty(date.getYear())))
                                .isEmpty()) {
                            problems.add(date + " " + d.code() + " at " + level + ": no terms");
                        }
                    } catch (RuntimeException e) {
                        problems.add(date + " " + d.code() + " at " + level + ": " + e.getMessage());
                    }
                }
            }
        }
        Assertions.assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static void drugsHaveTerms(Region region) {
        SeparatelyPaidDrugs drugs = region.separatelyPaidDrugs().orElseThrow();
        List<String> problems = new ArrayList<>();
        Institution at = new Institution("conformance", "conformance", region.metadata().code(), InstitutionLevel.TERTIARY, false);
        for (LocalDate date : region.parameters().changeDates()) {
            for (String code : drugs.listed(date)) {
                try {
                    if (drugs.terms(code, at, date).isEmpty()) {
                        problems.add(date + " " + code + ": listed without terms");
                    }
                } catch (RuntimeException e) {
                    problems.add(date + " " + code + ": " + e.getMessage());
                }
            }
        }
        Assertions.assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static void boundsCited(Region province) {
        for (Bound b : province.bounds()) {
            Assertions.assertFalse(b.description().isBlank(), b.id() + " has no description");
            Assertions.assertTrue(b.citation().assumption() || !b.citation().document().isBlank(), b.id() + " has no clause");
        }
    }

    private static void conforms(Region city, Region province) {
        ConformanceReport report = check(city, province);
        Assertions.assertEquals(ConformanceStatus.CONFORMS, report.status(), () -> ConformanceText.violations(report));
    }

    private static Region province(Region city, Region... others) {
        RegionCode parent = city.metadata().parentCode().orElse(city.metadata().code().province());
        return Arrays.stream(others).filter(r -> r.metadata().code().equals(parent)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pass the province " + parent + " of " + city.metadata().code()
                        + " to RegionConformance.tests to run the filing check"));
    }

    private static void writeReport(RegionCode code, String text) {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return;
        }
        try {
            Files.writeString(target.resolve("filing-report-" + code + ".txt"), text + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
