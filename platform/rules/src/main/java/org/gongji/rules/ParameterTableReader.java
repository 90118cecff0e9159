package org.gongji.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongji.api.region.Citation;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.rules.vocabulary.TableRefused;
import org.gongji.rules.vocabulary.Vocabulary;

/**
 * Reads a parameter table written for people: one entry a line,
 * {@code key | value | effective from | source | note}, where source is a document number and
 * clause ("焦政办〔2022〕22号 二(一)") or {@code ASSUMPTION} (then the note says why). Blank lines and
 * lines starting with {@code #} are ignored.
 */
public final class ParameterTableReader {

    private ParameterTableReader() {
    }

    public static ParameterTable read(URL resource) {
        if (resource == null) {
            throw new IllegalArgumentException("parameter table resource not found");
        }
        try (InputStream in = resource.openStream()) {
            return read(resource.getPath(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParameterTable read(String source, InputStream in) throws IOException {
        return ParameterTable.of(source, lines(source, in).keySet());
    }

    /**
     * Reads a region table and checks it against the vocabulary.
     *
     * @throws TableRefused naming the line and the key of every unknown key, value of the wrong
     *         kind, and every required key the table lacks
     */
    public static ParameterTable read(String source, InputStream in, Vocabulary vocabulary) throws IOException {
        Map<Parameter, String> lines = lines(source, in);
        vocabulary.require(lines.keySet(), source, lines::get);
        return ParameterTable.of(source, lines.keySet());
    }

    /** Each entry of the table in order, with where it was read ({@code source:line}). */
    private static Map<Parameter, String> lines(String source, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<Parameter, String> parameters = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String where = source + ":" + number;
            parameters.put(parse(t, where), where);
        }
        return parameters;
    }

    /** One line of a table (also used for overrides given in configuration). */
    public static Parameter parse(String line, String where) {
        String[] cells = line.split("\\|", -1);
        if (cells.length < 4) {
            throw new IllegalArgumentException(where + ": expected key | value | from | source | note");
        }
        String key = cells[0].strip();
        String text = cells[1].strip();
        String sourceText = cells[3].strip();
        String note = cells.length > 4 ? cells[4].strip() : "";
        try {
            LocalDate from = LocalDate.parse(cells[2].strip());
            Citation citation = sourceText.equalsIgnoreCase(Citation.ASSUMPTION)
                    ? Citation.assumption(note.isEmpty() ? "no document sets this number" : note)
                    : Citation.parse(sourceText);
            return new Parameter(key, ValueSyntax.read(text), text, from, citation, note);
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
