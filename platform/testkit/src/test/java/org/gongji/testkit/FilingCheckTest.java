package org.gongji.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bureau's command-line filing check: vocabulary, bounds and scenarios, and its exit status. */
class FilingCheckTest {

    @TempDir
    Path dir;

    private Path copy(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private record Run(int status, String out) {
    }

    private Run check(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = FilingCheck.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), null);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCityBreakingItsProvincesBoundFailsNamingTheNumberAndTheClause() throws IOException {
        Path city = copy("/rules/990100-bad-city.txt", "990100-bad-city.txt");
        Path province = copy("/rules/990000-province.txt", "990000-province.txt");
        Run run = check("check", city.toString(), "--province", province.toString());
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("== 1. Key vocabulary", "OK: 13 rows of 990100", "== 2. Bounds",
                "outpatient.deductible.tertiary = 400.00 breaks bound.outpatient.deductible.max", "TESTP-1 七",
                "FILING CHECK FAILED");
    }

    @Test
    void aMisspeltKeyIsRefusedWithItsLine() throws IOException {
        Path city = dir.resolve("990100-bad-city.txt");
        try (InputStream in = getClass().getResourceAsStream("/rules/990100-bad-city.txt")) {
            Files.writeString(city, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("outpatient.cap.retired ", "outpatient.cap.retird "));
        }
        Run run = check("check", city.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("REFUSED", "990100-bad-city.txt:14: outpatient.cap.retird: unknown key",
                "did you mean outpatient.cap.retired?");
    }

    @Test
    void scenariosAreSettledAndComparedRowByRow() throws IOException {
        Path province = copy("/rules/990000-province.txt", "990000-province.txt");
        Path city = dir.resolve("990100-good-city.txt");
        try (InputStream in = getClass().getResourceAsStream("/rules/990100-bad-city.txt")) {
            Files.writeString(city, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("| 400.00 ", "| 300.00 "));
        }
        Path scenarios = dir.resolve("990100.csv");
        Files.writeString(scenarios, """
                case,clause,person,category,date,level,lines,deductiblePaid,poolPaid
                an employee's first visit pays the annual deductible first,TEST-1 二,p1,EMPLOYED,2023-03-01,TERTIARY,A 500.00,300.00,100.00
                the deductible is paid once a year,TEST-1 二,p1,EMPLOYED,2023-04-01,TERTIARY,A 100.00,0.00,60.00
                """);
        Run run = check("check", city.toString(), scenarios.toString(), "--province", province.toString());
        assertThat(run.out()).contains("PASS an employee's first visit pays the annual deductible first",
                "FAIL the deductible is paid once a year", "1 of 2 scenarios pass", "FILING CHECK FAILED");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void aUsageErrorSaysHow() {
        Run run = check("chek", "x.txt");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("usage: java -jar gongji-tools.jar check");
    }
}
