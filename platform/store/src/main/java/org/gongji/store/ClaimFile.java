package org.gongji.store;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.visit.MedicalType;

/**
 * The CSV file of visits a simulation can run over instead of the booked claims: a header line
 * {@link #HEADER}, then one visit a line. Every field is a code, a number or a date, so the format
 * has no quoting: a line with a quote or a wrong number of fields is refused with its number.
 */
public final class ClaimFile {

    public static final String HEADER = "person,category,age,date,level,medicalType,classA,classB,classBPreSelfPay,classC,disease";
    public static final int MAX_VISITS = 2_000_000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");
    private static final int FIELDS = HEADER.split(",").length;

    private ClaimFile() {
    }

    /** The visits of the file, in file order; refuses the whole file at its first wrong line. */
    public static List<UploadedVisit> parse(String csv) {
        String[] lines = csv.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().replace("\uFEFF", "").equals(HEADER)) {
            throw refused(1, "the first line is the header " + HEADER);
        }
        List<UploadedVisit> visits = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (visits.size() == MAX_VISITS) {
                throw refused(i + 1, "at most " + MAX_VISITS + " visits in one file");
            }
            visits.add(visit(line, i + 1));
        }
        if (visits.isEmpty()) {
            throw refused(1, "the file holds no visit");
        }
        return List.copyOf(visits);
    }

    private static UploadedVisit visit(String line, int number) {
        String[] f = line.split(",", -1);
        if (f.length != FIELDS) {
            throw refused(number, FIELDS + " fields (" + HEADER + "), not " + f.length);
        }
        String person = f[0].strip();
        if (!KEY.matcher(person).matches()) {
            throw refused(number, "person is a key of 1 to 64 letters, digits, '.', '_' or '-'");
        }
        PersonCategory category = code(PersonCategory.class, f[1], "category", number);
        int age = age(f[2], number);
        LocalDate date = date(f[3], number);
        InstitutionLevel level = code(InstitutionLevel.class, f[4], "level", number);
        MedicalType type = code(MedicalType.class, f[5], "medicalType", number);
        Money a = amount(f[6], "classA", number);
        Money b = amount(f[7], "classB", number);
        Ratio preSelfPay = ratio(f[8], number);
        Money c = amount(f[9], "classC", number);
        String disease = f[10].strip().isEmpty() ? null : f[10].strip();
        if (disease != null && !KEY.matcher(disease).matches()) {
            throw refused(number, "disease is a code of 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (type == MedicalType.CHRONIC_OUTPATIENT && disease == null) {
            throw refused(number, "a CHRONIC_OUTPATIENT visit names its disease");
        }
        return new UploadedVisit(person, category, age, date, level, type, a, b, preSelfPay, c, disease);
    }

    private static <E extends Enum<E>> E code(Class<E> type, String text, String field, int number) {
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw refused(number, field + " is one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not '"
                    + text.strip() + "'");
        }
    }

    private static int age(String text, int number) {
        String t = text.strip();
        if (!t.matches("\\d{1,3}") || Integer.parseInt(t) > 130) {
            throw refused(number, "age is a whole number of years from 0 to 130, not '" + t + "'");
        }
        return Integer.parseInt(t);
    }

    private static LocalDate date(String text, int number) {
        String t = text.strip();
        try {
            if (t.length() != 10) {
                throw new DateTimeParseException("not a date", t, 0);
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw refused(number, "date is a date such as 2024-03-01, not '" + t + "'");
        }
    }

    private static Money amount(String text, String field, int number) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Money.ZERO;
        }
        if (!AMOUNT.matcher(t).matches()) {
            throw refused(number, field + " is an amount in yuan with at most two decimals, not '" + t + "'");
        }
        return Money.parse(t);
    }

    private static Ratio ratio(String text, int number) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Ratio.ZERO;
        }
        try {
            Ratio r = Ratio.parse(t);
            if (r.compareTo(Ratio.ONE) > 0 || r.compareTo(Ratio.ZERO) < 0) {
                throw new IllegalArgumentException(t);
            }
            return r;
        } catch (RuntimeException e) {
            throw refused(number, "classBPreSelfPay is a share such as 10%, from 0% to 100%, not '" + t + "'");
        }
    }

    private static GongjiException refused(int line, String why) {
        return new GongjiException(ErrorCode.INVALID_REQUEST, "claim file line " + line + ": " + why);
    }
}
