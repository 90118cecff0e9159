package org.gongji.payment;

import java.io.Reader;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rules.csv.CsvReader;

/**
 * Reads a bureau's DIP catalogue (病种分值目录) from CSV with the header
 * <pre>group,diagnosis,procedure,name,score,averageCost</pre>
 * {@code procedure} empty for conservative treatment, {@code *} for any other procedure of the
 * diagnosis; {@code score} in points with at most four decimals; {@code averageCost} in yuan with
 * at most two decimals (the group's average cost per case, 次均费用).
 */
public final class DipCatalogueReader {

    static final List<String> COLUMNS = List.of("group", "diagnosis", "procedure", "name", "score", "averageCost");

    private DipCatalogueReader() {
    }

    public static DipCatalogue read(String source, Reader in) {
        return new DipCatalogue(source, CsvReader.read(source, in, COLUMNS, DipCatalogueReader::group));
    }

    private static DipGroup group(CsvReader.Row row) {
        String code = row.required("group");
        long score;
        try {
            score = Points.parse(row.required("score"));
        } catch (NumberFormatException | ArithmeticException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, "score is not a number with at most four decimals: " + row.text("score"));
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        try {
            return new DipGroup(code, row.required("diagnosis"), row.text("procedure"), row.text("name"), score,
                    row.money("averageCost"));
        } catch (GongjiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }
}
