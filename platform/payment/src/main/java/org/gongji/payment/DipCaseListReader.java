package org.gongji.payment;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rules.csv.CsvReader;

/**
 * Reads the case list a bureau uploads for a DIP run, CSV with the header
 * <pre>caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,otherFundsPaid</pre>
 * {@code date} is the discharge (or episode) date YYYY-MM-DD; amounts in yuan with at most two
 * decimals; {@code procedure} empty for conservative treatment.
 */
public final class DipCaseListReader {

    static final List<String> COLUMNS = List.of("caseId", "institutionId", "diagnosis", "procedure", "date", "totalCost",
            "patientPaid", "otherFundsPaid");

    private DipCaseListReader() {
    }

    public static List<DipCase> read(String source, Reader in) {
        return CsvReader.read(source, in, COLUMNS, DipCaseListReader::dipCase);
    }

    private static DipCase dipCase(CsvReader.Row row) {
        LocalDate date = row.date("date");
        try {
            return new DipCase(row.required("caseId"), row.required("institutionId"), row.required("diagnosis"),
                    row.text("procedure"), date, row.money("totalCost"), row.money("patientPaid"), row.money("otherFundsPaid"));
        } catch (GongjiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_AMOUNT, e.getMessage());
        }
    }
}
