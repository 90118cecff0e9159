package org.gongji.api.person;

/** Whose cost or premium the personal account pays (家庭共济): the holder or close family. */
public enum Relation {
    SELF,
    SPOUSE,
    PARENT,
    CHILD
}
