package org.gongji.api.person;

/** Whose cost or premium the personal account pays (家庭共济): the holder or close family. */
public enum Relation {
    SELF,
    SPOUSE,
    PARENT,
    CHILD;

    /** What the other is to the one who declared them: a person's parent has the person as a child. */
    public Relation inverse() {
        return switch (this) {
            case SELF, SPOUSE -> this;
            case PARENT -> CHILD;
            case CHILD -> PARENT;
        };
    }
}
