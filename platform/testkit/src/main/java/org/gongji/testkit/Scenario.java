package org.gongji.testkit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.rules.csv.CsvReader;

/**
 * One row of a settlement scenario table: a person, a visit, and what the bureau expects.
 * Rows with the same {@code person} id chain their accumulators and account balance in file order.
 */
record Scenario(CsvReader.Row row, String name, String clause, String personId, Person person, Visit visit,
        Money balanceBefore, boolean useAccount) {

    static final String ANOTHER_PRIMARY = "another-primary-institution";

    static Scenario of(CsvReader.Row row, RegionCode defaultRegion) {
        RegionCode region = row.has("region") ? RegionCode.of(row.text("region")) : defaultRegion;
        String personId = row.has("person") ? row.text("person") : "row-" + row.line();
        InstitutionLevel level = InstitutionLevel.valueOf(row.text("level"));
        boolean provincial = yes(row.text("provincial"));
        RegionCode at = row.has("institutionRegion") ? RegionCode.of(row.text("institutionRegion")) : region;
        Institution institution = new Institution(level.name().toLowerCase() + (provincial ? "-provincial" : "") + "-" + at,
                level + " institution", at, level, provincial);
        String familyDoctor = switch (row.text("familyDoctor")) {
            case "here" -> institution.id();
            case "elsewhere" -> ANOTHER_PRIMARY;
            case "", "no", "none" -> null;
            default -> throw new IllegalArgumentException(row.where() + ": familyDoctor is here, elsewhere or blank");
        };
        LocalDate birthDate = row.has("birthDate") ? LocalDate.parse(row.text("birthDate")) : LocalDate.of(1970, 1, 1);
        List<ChronicRecognition> chronic = row.has("chronic")
                ? Arrays.stream(row.text("chronic").split(";")).map(String::strip).filter(c -> !c.isEmpty())
                        .map(c -> recognition(c, birthDate, row)).toList()
                : List.of();
        Person person = new Person(personId, personId, region, birthDate,
                row.has("category") ? PersonCategory.valueOf(row.text("category")) : PersonCategory.EMPLOYED,
                row.has("retirementDate") ? LocalDate.parse(row.text("retirementDate")) : null,
                Money.ZERO, familyDoctor, chronic, List.of());
        Visit visit = new Visit(LocalDate.parse(row.text("date")),
                row.has("medType") ? MedicalType.valueOf(row.text("medType")) : MedicalType.GENERAL_OUTPATIENT,
                institution, row.has("disease") ? row.text("disease") : null, FeeLines.parse(row.text("lines")),
                row.has("filed") && yes(row.text("filed")));
        return new Scenario(row, row.text("case"), row.text("clause"), personId, person, visit,
                row.has("balance") ? Money.parse(row.text("balance")) : null,
                !row.has("useAccount") || yes(row.text("useAccount")));
    }

    /**
     * A cell of the {@code chronic} column: {@code CODE} (recognised since birth, the table's shorthand),
     * {@code CODE@FROM} or {@code CODE@FROM..TO} (dates included).
     */
    static ChronicRecognition recognition(String cell, LocalDate birthDate, CsvReader.Row row) {
        int at = cell.indexOf('@');
        if (at < 0) {
            return ChronicRecognition.since(cell, birthDate);
        }
        String code = cell.substring(0, at).strip();
        String period = cell.substring(at + 1).strip();
        int dots = period.indexOf("..");
        try {
            if (dots < 0) {
                return ChronicRecognition.since(code, LocalDate.parse(period));
            }
            String to = period.substring(dots + 2).strip();
            return new ChronicRecognition(code, LocalDate.parse(period.substring(0, dots).strip()),
                    to.isEmpty() ? null : LocalDate.parse(to));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(row.where() + ": chronic is CODE, CODE@FROM or CODE@FROM..TO, not " + cell, e);
        }
    }

    static boolean yes(String cell) {
        return cell.equalsIgnoreCase("yes") || cell.equalsIgnoreCase("true");
    }

    String title() {
        return name + (clause.isEmpty() ? "" : " [" + clause + "]");
    }
}
