package org.gongji.store;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.PersonCategory;

/**
 * What decides a person's benefits, as in force from a date until the next version's date: the
 * category, retirement date, contribution base and declared family. The first version holds from
 * the person's birth.
 */
public record PersonVersion(LocalDate from, PersonCategory category, LocalDate retirementDate,
        Money monthlyContributionBase, List<FamilyMember> family) {

    public PersonVersion {
        family = List.copyOf(family);
    }
}
