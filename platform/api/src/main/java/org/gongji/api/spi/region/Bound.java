package org.gongji.api.spi.region;

import java.time.LocalDate;
import java.util.List;
import org.gongji.api.region.Citation;
import org.gongji.api.rules.ParameterTable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bound a province sets on its cities' numbers (e.g. Gansu: annual deductible ≤ 300).
 */
@ConsumerType
public interface Bound {

    String id();

    /** The bound as the provincial document states it. */
    String description();

    Citation citation();

    /** The city's violations of this bound among the numbers in force on the date; empty when it conforms. */
    List<BoundViolation> check(ParameterTable city, LocalDate date);
}
