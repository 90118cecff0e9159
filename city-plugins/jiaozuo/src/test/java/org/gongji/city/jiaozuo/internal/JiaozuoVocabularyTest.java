package org.gongji.city.jiaozuo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.vocabulary.TableRefused;
import org.gongji.rules.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: with outpatient.ratio.retiredBonus misspelt retiredBonu5, Jiaozuo's table loaded and a
 * retiree at a tertiary hospital got 50 % instead of 60 %. The vocabulary refuses the table instead.
 */
class JiaozuoVocabularyTest {

    static final String TABLE = "rules/410800-jiaozuo.txt";

    static String text() throws IOException {
        try (InputStream in = JiaozuoVocabularyTest.class.getResourceAsStream("/" + TABLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTableAsFiledKnowsEveryKey() throws IOException {
        assertThat(Vocabulary.standard().check(ParameterTableReader.read(TABLE, stream(text())).entries(), TABLE, p -> TABLE))
                .isEmpty();
    }

    @Test
    void aMisspeltRetiredBonusIsRefusedWithItsLine() throws IOException {
        String misspelt = text().replace("outpatient.ratio.retiredBonus ", "outpatient.ratio.retiredBonu5 ");
        assertThatThrownBy(() -> ParameterTableReader.read(TABLE, stream(misspelt), Vocabulary.standard()))
                .isInstanceOf(TableRefused.class)
                .hasMessageContaining("rules/410800-jiaozuo.txt:22: outpatient.ratio.retiredBonu5: unknown key"
                        + " (did you mean outpatient.ratio.retiredBonus?)");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
