package org.gongji.payment;

import java.io.Reader;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rules.csv.CsvReader;

/**
 * Reads a bureau's DRG groups from CSV with the header
 * <pre>group,name,weight,averageCost</pre>
 * {@code weight} the group's relative weight (RW) with at most four decimals; {@code averageCost} in
 * yuan with at most two decimals (the group's average cost per case, 例均费用).
 */
public final class DrgCatalogueReader {

    static final List<String> COLUMNS = List.of("group", "name", "weight", "averageCost");

    private DrgCatalogueReader() {
    }

    public static DipCatalogue read(String source, Reader in) {
        return new DipCatalogue(source, CsvReader.read(source, in, COLUMNS, DrgCatalogueReader::group));
    }

    private static DipGroup group(CsvReader.Row row) {
        String code = row.required("group");
        long weight;
        try {
            weight = Points.parse(row.required("weight"));
        } catch (NumberFormatException | ArithmeticException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, "weight is not a number with at most four decimals: " + row.text("weight"));
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        try {
            return new DipGroup(code, code, "", row.text("name"), weight, row.money("averageCost"));
        } catch (GongjiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }
}
