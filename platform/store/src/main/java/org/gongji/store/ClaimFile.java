package org.gongji.store;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.visit.MedicalType;
import org.gongji.rules.csv.CsvReader;
import org.gongji.rules.csv.CsvReader.Row;

/**
 * The CSV file of visits a simulation can run over instead of the booked claims: a header row naming
 * the columns {@link #COLUMNS} (any order; classB, classBPreSelfPay, classC and disease may be left
 * empty), then one visit a row. A wrong row refuses the whole file, naming its line.
 */
public final class ClaimFile {

    public static final List<String> COLUMNS = List.of("person", "category", "age", "date", "level", "medicalType",
            "classA", "classB", "classBPreSelfPay", "classC", "disease");
    public static final String HEADER = String.join(",", COLUMNS);
    public static final int MAX_VISITS = 2_000_000;

    private static final String SOURCE = "claim file";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final List<String> REQUIRED = List.of("person", "category", "age", "date", "level", "medicalType",
            "classA");

    private ClaimFile() {
    }

    /** The visits of the file, in file order, every one dated in the simulated year. */
    public static List<UploadedVisit> parse(String csv, int year) {
        List<UploadedVisit> visits = CsvReader.read(SOURCE, new StringReader(csv), REQUIRED, row -> visit(row, year));
        if (visits.isEmpty()) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, SOURCE + ": the file holds no visit");
        }
        if (visits.size() > MAX_VISITS) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, SOURCE + ": at most " + MAX_VISITS + " visits in one file");
        }
        return List.copyOf(visits);
    }

    private static UploadedVisit visit(Row row, int year) {
        String person = key(row, "person");
        PersonCategory category = code(row, PersonCategory.class, "category");
        int age = age(row);
        var date = row.date("date");
        if (date.getYear() != year) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, "the visit of " + date + " is not in the simulated year " + year);
        }
        InstitutionLevel level = code(row, InstitutionLevel.class, "level");
        MedicalType type = code(row, MedicalType.class, "medicalType");
        Money b = row.has("classB") ? row.money("classB") : Money.ZERO;
        Money c = row.has("classC") ? row.money("classC") : Money.ZERO;
        String disease = row.has("disease") ? key(row, "disease") : null;
        if (type == MedicalType.CHRONIC_OUTPATIENT && disease == null) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, "a CHRONIC_OUTPATIENT visit names its disease");
        }
        return new UploadedVisit(person, category, age, date, level, type, row.money("classA"), b, preSelfPay(row), c,
                disease);
    }

    private static String key(Row row, String column) {
        String t = row.required(column).strip();
        if (!KEY.matcher(t).matches()) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, column + " is a key of 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return t;
    }

    private static <E extends Enum<E>> E code(Row row, Class<E> type, String column) {
        String t = row.required(column).strip();
        try {
            return Enum.valueOf(type, t);
        } catch (IllegalArgumentException e) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, column + " is one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + t + "'");
        }
    }

    private static int age(Row row) {
        String t = row.required("age").strip();
        if (!t.matches("\\d{1,3}") || Integer.parseInt(t) > 130) {
            throw row.invalid(ErrorCode.INVALID_REQUEST, "age is a whole number of years from 0 to 130, not '" + t + "'");
        }
        return Integer.parseInt(t);
    }

    private static Ratio preSelfPay(Row row) {
        if (!row.has("classBPreSelfPay")) {
            return Ratio.ZERO;
        }
        String t = row.text("classBPreSelfPay").strip();
        try {
            Ratio r = Ratio.parse(t);
            if (r.compareTo(Ratio.ONE) <= 0 && r.compareTo(Ratio.ZERO) >= 0) {
                return r;
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw row.invalid(ErrorCode.INVALID_REQUEST, "classBPreSelfPay is a share such as 10%, from 0% to 100%, not '" + t + "'");
    }
}
