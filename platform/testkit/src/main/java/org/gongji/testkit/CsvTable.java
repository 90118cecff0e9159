package org.gongji.testkit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gongji.rules.csv.CsvReader;

/** A scenario table as rows, read with the platform's CSV reader. */
final class CsvTable {

    private CsvTable() {
    }

    static List<CsvReader.Row> read(URL resource, String name) {
        if (resource == null) {
            throw new IllegalArgumentException("scenario table not found: " + name);
        }
        try (Reader in = new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8)) {
            return CsvReader.read(name, in, List.of(), row -> row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
