package org.gongji.engine.simulation;

import java.util.Objects;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.visit.Visit;
import org.gongji.engine.Breakdown;

/**
 * One visit to settle again in a simulation (测算): a booked settlement, or a line of an uploaded file.
 *
 * @param person the person as on the visit date
 * @param order ties between visits of one person on one date are settled in this order (booking order)
 * @param accountBalanceBefore the account balance before the visit as booked (zero for uploaded visits)
 * @param booked what was booked, or null for an uploaded visit
 */
public record Claim(Person person, Visit visit, long order, boolean useAccount, Money accountBalanceBefore, Breakdown booked) {

    public Claim {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(visit, "visit");
        accountBalanceBefore = accountBalanceBefore == null ? Money.ZERO : accountBalanceBefore;
    }

    public static Claim uploaded(Person person, Visit visit, long order) {
        return new Claim(person, visit, order, false, Money.ZERO, null);
    }
}
