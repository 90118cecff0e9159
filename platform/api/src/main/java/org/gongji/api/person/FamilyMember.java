package org.gongji.api.person;

import java.util.Objects;

/** A close family member of a person, as the person declared them. */
public record FamilyMember(String personId, Relation relation) {

    public FamilyMember {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(relation, "relation");
        if (relation == Relation.SELF) {
            throw new IllegalArgumentException("a family member is not the person themself");
        }
    }
}
