package org.gongji.payment;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rules.csv.CsvReader;

/**
 * Reads the stays a bureau uploads for a DRG run, grouped by its grouper, CSV with the header
 * <pre>caseId,institutionId,group,date,totalCost,patientPaid,otherFundsPaid</pre>
 * {@code group} the case's DRG code; {@code date} the discharge date YYYY-MM-DD; amounts in yuan with at
 * most two decimals.
 */
public final class DrgCaseListReader {

    static final List<String> COLUMNS = List.of("caseId", "institutionId", "group", "date", "totalCost", "patientPaid",
            "otherFundsPaid");

    private DrgCaseListReader() {
    }

    public static List<DipCase> read(String source, Reader in) {
        return CsvReader.read(source, in, COLUMNS, DrgCaseListReader::drgCase);
    }

    private static DipCase drgCase(CsvReader.Row row) {
        LocalDate date = row.date("date");
        try {
            return new DipCase(row.required("caseId"), row.required("institutionId"), row.required("group"), "", date,
                    row.money("totalCost"), row.money("patientPaid"), row.money("otherFundsPaid"));
        } catch (GongjiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }
}
