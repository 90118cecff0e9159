package org.gongji.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV table with a header row: cells by column name, {@code #} lines ignored, double quotes
 * around a cell that contains a comma.
 */
final class CsvTable {

    /** One data row: its cells by column name and where it stands in the file. */
    record Row(String source, int line, Map<String, String> cells) {

        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }

        boolean has(String column) {
            return !get(column).isEmpty();
        }

        String where() {
            return source + ":" + line;
        }
    }

    private CsvTable() {
    }

    static List<Row> read(URL resource, String name) {
        if (resource == null) {
            throw new IllegalArgumentException("scenario table not found: " + name);
        }
        try (InputStream in = resource.openStream()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            List<String> header = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                List<String> cells = split(line);
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.size() > header.size()) {
                    throw new IllegalArgumentException(name + ":" + number + ": more cells than columns");
                }
                Map<String, String> byName = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    byName.put(header.get(i), cells.get(i));
                }
                rows.add(new Row(name, number, byName));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
