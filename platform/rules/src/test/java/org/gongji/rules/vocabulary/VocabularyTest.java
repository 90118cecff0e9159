package org.gongji.rules.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.rules.ParameterTable;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.gongji.rules.internal.StandardAccountCrediting;
import org.gongji.rules.internal.StandardChronicDiseaseCoverage;
import org.gongji.rules.internal.StandardCriticalIllnessCoverage;
import org.gongji.rules.internal.StandardInpatientCoverage;
import org.gongji.rules.internal.StandardOutpatientPooling;
import org.gongji.rules.internal.StandardProviderPaymentTerms;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    /** A city with outpatient pooling only; line 6 is outpatient.ratio.retiredBonus. */
    static final String CITY = """
            region.code                   | 990100    | 2023-01-01 | TEST-1 |
            region.name                   | 测试市     | 2023-01-01 | TEST-1 |
            region.parent                 | 990000    | 2023-01-01 | TEST-1 |
            region.effectiveFrom          | 2023-01-01 | 2023-01-01 | TEST-1 一 |
            outpatient.deductible.mode    | PER_VISIT | 2023-01-01 | TEST-1 二 |
            outpatient.ratio.retiredBonus | 10%       | 2023-01-01 | TEST-1 二 |
            outpatient.deductible.tertiary | 50.00    | 2023-01-01 | TEST-1 二 |
            outpatient.deductible.secondary | 50.00   | 2023-01-01 | TEST-1 二 |
            outpatient.deductible.primary | 0.00      | 2023-01-01 | TEST-1 二 |
            outpatient.ratio.tertiary     | 50%       | 2023-01-01 | TEST-1 二 |
            outpatient.ratio.secondary    | 55%       | 2023-01-01 | TEST-1 二 |
            outpatient.ratio.primary      | 60%       | 2023-01-01 | TEST-1 二 |
            outpatient.cap.employed       | 1300.00   | 2023-01-01 | TEST-1 二 |
            outpatient.cap.retired        | 1800.00   | 2023-01-01 | TEST-1 二 |
            """;

    static ParameterTable read(String text) throws IOException {
        return ParameterTableReader.read("rules/990100-test.txt",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Vocabulary.standard());
    }

    static List<Problem> problems(String text) {
        try {
            read(text);
            return List.of();
        } catch (TableRefused e) {
            return e.problems();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCompleteTableWithOptionalKeysLeftOutIsAccepted() throws IOException {
        assertThat(problems(CITY)).isEmpty();
        assertThat(new StandardRegion(read(CITY)).outpatientPooling()).isPresent();
    }

    @Test
    void aMisspeltKeyIsRefusedWithItsLineAndTheKeyItMeant() {
        assertThat(problems(CITY.replace("retiredBonus", "retiredBonu5"))).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("rules/990100-test.txt:6");
            assertThat(p.key()).isEqualTo("outpatient.ratio.retiredBonu5");
            assertThat(p.message()).contains("unknown key", "did you mean outpatient.ratio.retiredBonus?");
        });
    }

    @Test
    void aValueOfTheWrongKindIsRefused() {
        assertThat(problems(CITY.replace("| 55%       |", "| 55        |"))).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("rules/990100-test.txt:11");
            assertThat(p.key()).isEqualTo("outpatient.ratio.secondary");
            assertThat(p.message()).contains("'55' is not a ratio");
        });
        assertThat(problems(CITY.replace("| 1300.00   |", "| 1300      |"))).extracting(Problem::key)
                .containsExactly("outpatient.cap.employed");
        assertThat(problems(CITY.replace("PER_VISIT", "PER_VIST"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not one of PER_VISIT | ANNUAL"));
        assertThat(problems(CITY.replace("| 0.00      |", "| -1.00     |"))).extracting(Problem::key)
                .containsExactly("outpatient.deductible.primary");
    }

    @Test
    void aMissingRequiredKeyIsRefusedAndNamed() {
        String without = CITY.lines().filter(l -> !l.startsWith("outpatient.cap.retired")).reduce("", (a, b) -> a + b + "\n");
        assertThat(problems(without)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("outpatient.cap.retired");
            assertThat(p.message()).contains("missing", "outpatient.deductible.mode");
        });
    }

    @Test
    void aKeyRequiredOnlyWithAnotherIsRequiredThere() {
        String perCapita = CITY + "payment.methods | PER_CAPITA | 2023-01-01 | TEST-1 五 |\n";
        assertThat(problems(perCapita)).extracting(Problem::key).contains("payment.perCapita.headcount",
                "payment.perCapita.ratePerPersonMonth").doesNotContain("payment.dip.highRatio", "payment.perItem.separatelyPaid");
        assertThat(problems(CITY + "payment.methods | PER_CAPTA | 2023-01-01 | TEST-1 五 |\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("PER_CAPTA is not among"));
        assertThat(problems(CITY + "outpatient.countsTowardFundCap | yes | 2023-01-01 | TEST-1 二 |\n"))
                .extracting(Problem::key).containsExactly("fund.annualCap");
    }

    @Test
    void accountUsesArePatternsOfRelationAndPurpose() {
        assertThat(problems(CITY + "account.use.SPOUSE.MEDICAL_COST | allowed | 2023-01-01 | TEST-1 三 |\n")).isEmpty();
        assertThat(problems(CITY + "account.use.COUSIN.MEDICAL_COST | allowed | 2023-01-01 | TEST-1 三 |\n"))
                .extracting(Problem::key).containsExactly("account.use.COUSIN.MEDICAL_COST");
        assertThat(problems(CITY + "account.use.SPOUSE.MEDICAL_COST | yes | 2023-01-01 | TEST-1 三 |\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("allowed | refused"));
    }

    @Test
    void boundsNameAKnownTargetAndAKnownKindWithAValueOfTheTargetsKind() {
        String province = """
                region.code | 990000 | 2023-01-01 | TEST-P |
                region.name | 测试省 | 2023-01-01 | TEST-P |
                region.effectiveFrom | 2023-01-01 | 2023-01-01 | TEST-P |
                """;
        assertThat(problems(province + "bound.outpatient.deductible.max | 300.00 | 2023-01-01 | TEST-P 一 |\n"
                + "bound.outpatient.ratio.levelSpread.min | 10% | 2023-01-01 | TEST-P 一 |\n"
                + "bound.outpatient.deductible.mode.is | ANNUAL | 2023-01-01 | TEST-P 一 |\n"
                + "bound.outpatient.ratio.about | 60% | 2023-01-01 | TEST-P 一 |\n"
                + "bound.outpatient.ratio.about.tolerance | 5% | 2023-01-01 | ASSUMPTION | 左右\n")).isEmpty();
        assertThat(problems(province + "bound.outpatient.cap.emplyed.max | 300.00 | 2023-01-01 | TEST-P 一 |\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not a key", "outpatient.cap.employed"));
        assertThat(problems(province + "bound.outpatient.deductible.atmost | 300.00 | 2023-01-01 | TEST-P 一 |\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not a known kind of bound"));
        assertThat(problems(province + "bound.outpatient.deductible.max | 30% | 2023-01-01 | TEST-P 一 |\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("is not an amount"));
    }

    @Test
    void aTableBuiltInCodeIsCheckedToo() {
        ParameterTable table = ParameterTable.of("cfg", List.of(
                ParameterTableReader.parse("region.code | 990000 | 2023-01-01 | TEST-P |", "t"),
                ParameterTableReader.parse("region.name | 测试省 | 2023-01-01 | TEST-P |", "t"),
                ParameterTableReader.parse("region.effectiveFrom | 2023-01-01 | 2023-01-01 | TEST-P |", "t"),
                ParameterTableReader.parse("fund.anualCap | 80000.00 | 2023-01-01 | TEST-P |", "t")));
        assertThatThrownBy(() -> new StandardRegion(table)).isInstanceOf(TableRefused.class)
                .hasMessageContaining("fund.anualCap: unknown key (did you mean fund.annualCap?)");
    }

    /** Every key constant of a standard implementation is in the vocabulary (a new key without its line fails here). */
    @Test
    void everyKeyTheStandardImplementationsNameIsInTheVocabulary() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : List.of(StandardRegion.class, StandardOutpatientPooling.class, StandardAccountCrediting.class,
                StandardChronicDiseaseCoverage.class, StandardInpatientCoverage.class,
                StandardCriticalIllnessCoverage.class, StandardProviderPaymentTerms.class)) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    String key = (String) f.get(null);
                    if (!key.endsWith(".") && Vocabulary.standard().find(key).isEmpty()) {
                        missing.add(c.getSimpleName() + "." + f.getName() + " = " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
