package org.gongji.testkit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;

/**
 * One row of a settlement scenario table: a person, a visit, and what the bureau expects.
 * Rows with the same {@code person} id chain their accumulators and account balance in file order.
 */
record Scenario(CsvTable.Row row, String name, String clause, String personId, Person person, Visit visit,
        Money balanceBefore, boolean useAccount) {

    static final String ANOTHER_PRIMARY = "another-primary-institution";

    static Scenario of(CsvTable.Row row, RegionCode defaultRegion) {
        RegionCode region = row.has("region") ? RegionCode.of(row.get("region")) : defaultRegion;
        String personId = row.has("person") ? row.get("person") : "row-" + row.line();
        InstitutionLevel level = InstitutionLevel.valueOf(row.get("level"));
        boolean provincial = yes(row.get("provincial"));
        Institution institution = new Institution(level.name().toLowerCase() + (provincial ? "-provincial" : "") + "-" + region,
                level + " institution", region, level, provincial);
        String familyDoctor = switch (row.get("familyDoctor")) {
            case "here" -> institution.id();
            case "elsewhere" -> ANOTHER_PRIMARY;
            case "", "no", "none" -> null;
            default -> throw new IllegalArgumentException(row.where() + ": familyDoctor is here, elsewhere or blank");
        };
        Set<String> chronic = row.has("chronic")
                ? Arrays.stream(row.get("chronic").split(";")).map(String::strip).collect(Collectors.toSet())
                : Set.of();
        Person person = new Person(personId, personId, region,
                row.has("birthDate") ? LocalDate.parse(row.get("birthDate")) : LocalDate.of(1970, 1, 1),
                row.has("category") ? PersonCategory.valueOf(row.get("category")) : PersonCategory.EMPLOYED,
                row.has("retirementDate") ? LocalDate.parse(row.get("retirementDate")) : null,
                Money.ZERO, familyDoctor, chronic, List.of());
        Visit visit = new Visit(LocalDate.parse(row.get("date")),
                row.has("medType") ? MedicalType.valueOf(row.get("medType")) : MedicalType.GENERAL_OUTPATIENT,
                institution, row.has("disease") ? row.get("disease") : null, FeeLines.parse(row.get("lines")));
        return new Scenario(row, row.get("case"), row.get("clause"), personId, person, visit,
                row.has("balance") ? Money.parse(row.get("balance")) : null,
                !row.has("useAccount") || yes(row.get("useAccount")));
    }

    static boolean yes(String cell) {
        return cell.equalsIgnoreCase("yes") || cell.equalsIgnoreCase("true");
    }

    String title() {
        return name + (clause.isEmpty() ? "" : " [" + clause + "]");
    }
}
