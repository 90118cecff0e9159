package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongji.api.money.Money;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Person;
import org.gongji.store.PersonVersion;

/** The version of a person in force on a date, and the last date anything was booked for them. */
final class PersonVersions {

    private PersonVersions() {
    }

    /** Whether the row's own version is the one in force on the date (no query needed). */
    static boolean latestOn(PersonRow row, LocalDate date) {
        return row.versionFrom == null || !date.isBefore(row.versionFrom);
    }

    /**
     * The person as in force on the date: the row's own version from its {@code versionFrom} on,
     * before that the superseded version in force then (the earliest one for a date before all).
     */
    static Person inForce(EntityManager em, PersonRow row, LocalDate date) {
        Person latest = Rows.person(row);
        if (latestOn(row, date)) {
            return latest;
        }
        List<PersonVersionRow> before = em.createQuery("SELECT v FROM PersonVersionRow v WHERE v.personId = :p"
                + " AND v.versionFrom <= :d ORDER BY v.versionFrom DESC", PersonVersionRow.class)
                .setParameter("p", row.id).setParameter("d", date).setMaxResults(1).getResultList();
        if (before.isEmpty()) {
            before = em.createQuery("SELECT v FROM PersonVersionRow v WHERE v.personId = :p ORDER BY v.versionFrom",
                    PersonVersionRow.class).setParameter("p", row.id).setMaxResults(1).getResultList();
        }
        return before.isEmpty() ? latest : Rows.person(row, before.get(0));
    }

    /** Every version of the person, oldest first. */
    static List<PersonVersion> all(EntityManager em, PersonRow row) {
        List<PersonVersion> versions = new ArrayList<>();
        for (PersonVersionRow v : em.createQuery("SELECT v FROM PersonVersionRow v WHERE v.personId = :p"
                + " ORDER BY v.versionFrom", PersonVersionRow.class).setParameter("p", row.id).getResultList()) {
            versions.add(new PersonVersion(v.versionFrom, PersonCategory.valueOf(v.category), v.retirementDate,
                    Money.ofFen(v.contributionBaseFen), Rows.family(v.family)));
        }
        Person latest = Rows.person(row);
        versions.add(new PersonVersion(row.versionFrom == null ? row.birthDate : row.versionFrom, latest.category(),
                latest.retirementDate(), latest.monthlyContributionBase(), latest.family()));
        return versions;
    }

    /**
     * The last date of anything booked that read the person: a settlement (booked or reversed), an
     * entry of their account (a credit, a payment), a family payment made for them.
     */
    static Optional<LocalDate> lastBooked(EntityManager em, String personId) {
        LocalDate last = null;
        for (String query : List.of(
                "SELECT MAX(s.visitDate) FROM SettlementRow s WHERE s.personId = :p",
                "SELECT MAX(e.entryDate) FROM EntryRow e WHERE e.personId = :p",
                "SELECT MAX(f.paymentDate) FROM PaymentRow f WHERE f.beneficiaryPersonId = :p")) {
            LocalDate d = em.createQuery(query, LocalDate.class).setParameter("p", personId).getSingleResult();
            if (d != null && (last == null || d.isAfter(last))) {
                last = d;
            }
        }
        return Optional.ofNullable(last);
    }
}
