package org.gongji.payment;

import java.util.Objects;
import org.gongji.api.institution.Institution;

/** The persons a per-capita rate is paid for at one institution in the period (签约或定点人数). */
public record Headcount(Institution institution, int persons) {

    public Headcount {
        Objects.requireNonNull(institution, "institution");
        if (persons < 0) {
            throw new IllegalArgumentException("negative headcount at " + institution.id());
        }
    }
}
