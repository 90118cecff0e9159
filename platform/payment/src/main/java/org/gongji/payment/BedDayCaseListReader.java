package org.gongji.payment;

import java.io.Reader;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rules.csv.CsvReader;

/**
 * Reads the long stays a bureau uploads for a bed-day run, CSV with the header
 * <pre>caseId,institutionId,category,admissionDate,dischargeDate,totalCost,patientPaid,otherFundsPaid</pre>
 * {@code category} one of the region's bed-day categories ({@code payment.bedDay.rate.<CATEGORY>}); dates
 * YYYY-MM-DD, the stay belongs to the period of its discharge; amounts in yuan with at most two decimals.
 */
public final class BedDayCaseListReader {

    static final List<String> COLUMNS = List.of("caseId", "institutionId", "category", "admissionDate", "dischargeDate",
            "totalCost", "patientPaid", "otherFundsPaid");

    private BedDayCaseListReader() {
    }

    public static List<BedDayCase> read(String source, Reader in) {
        return CsvReader.read(source, in, COLUMNS, BedDayCaseListReader::stay);
    }

    private static BedDayCase stay(CsvReader.Row row) {
        try {
            return new BedDayCase(row.required("caseId"), row.required("institutionId"), row.required("category"),
                    row.date("admissionDate"), row.date("dischargeDate"), row.money("totalCost"), row.money("patientPaid"),
                    row.money("otherFundsPaid"));
        } catch (GongjiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }
}
