package org.gongji.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gongji.api.spi.region.Region;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilingReportTest {

    @TempDir
    Path bundle;

    /** What bnd writes for a region component, so the report finds it like the runtime does. */
    private void descriptor(Class<?> region, String code, String parent) throws Exception {
        Files.createDirectories(bundle.resolve("OSGI-INF"));
        Files.writeString(bundle.resolve("OSGI-INF/" + region.getName() + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%1$s">
                  <property name="region.code" type="String" value="%2$s"/>
                  <property name="region.parent" type="String" value="%3$s"/>
                  <service><provide interface="%4$s"/></service>
                  <implementation class="%1$s"/>
                </scr:component>
                """.formatted(region.getName(), code, parent, Region.class.getName()), StandardCharsets.UTF_8);
    }

    @Test
    void the_report_names_the_number_the_bound_and_the_clause_and_lists_the_assumptions() throws Exception {
        descriptor(BadCity.class, "990100", "990000");
        descriptor(TestProvince.class, "990000", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> failed = FilingReport.run(bundle, getClass().getClassLoader(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(failed).singleElement().asString().startsWith("990100");
        assertThat(text).contains("Filing report: 990100 Bad City against 990000 Test Province")
                .contains("VIOLATES")
                .contains("outpatient.deductible.tertiary = 400.00 breaks bound.outpatient.deductible.max (≤ 300.00)")
                .contains("clause: TESTP-1 七; from 2023-01-01")
                .contains("outpatient.deductible.primary = 100.00 from 2023-01-01");
    }

    @Test
    void a_city_whose_province_is_absent_is_not_checked_and_an_empty_bundle_is_an_error() throws Exception {
        descriptor(BadCity.class, "990100", "990000");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> failed = FilingReport.run(bundle, getClass().getClassLoader(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(failed).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT_CHECKED");
        Path empty = Files.createDirectory(bundle.resolve("empty"));
        assertThatThrownBy(() -> FilingReport.run(empty, getClass().getClassLoader(), System.out))
                .hasMessageContaining("no region in");
    }

    @Test
    void the_standard_checks_fail_the_bad_city_on_its_filing_and_its_missing_registration() {
        List<DynamicTest> tests = RegionConformance.tests(new BadCity(), new TestProvince()).toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).contains(
                "990100: every row is cited or an assumption with its reason",
                "990100: conforms to its province's bounds (filing check)");
        assertThat(Stream.of(failures(tests))).containsExactlyInAnyOrder(
                "990100: every row is cited or an assumption with its reason",
                "990100: metadata matches the table name or the @RegionService registration",
                "990100: conforms to its province's bounds (filing check)");
    }

    private static String[] failures(List<DynamicTest> tests) {
        return tests.stream().filter(t -> {
            try {
                t.getExecutable().execute();
                return false;
            } catch (Throwable e) {
                return true;
            }
        }).map(DynamicTest::getDisplayName).toArray(String[]::new);
    }

    @Test
    void a_data_only_region_jar_is_found_by_the_table_its_manifest_names() throws Exception {
        Path jar = bundle.resolve("jinan-like");
        Files.createDirectories(jar.resolve("META-INF"));
        Files.createDirectories(jar.resolve("rules"));
        Files.writeString(jar.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nGongji-Region: rules/990100-bad-city.txt\n");
        try (var in = getClass().getResourceAsStream("/rules/990100-bad-city.txt")) {
            Files.copy(in, jar.resolve("rules/990100-bad-city.txt"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> failed = FilingReport.run(jar, getClass().getClassLoader(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("990100");
        assertThat(failed).isEmpty();
    }
}
