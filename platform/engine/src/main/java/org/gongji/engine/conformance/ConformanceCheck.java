package org.gongji.engine.conformance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.BoundViolation;
import org.gongji.api.spi.region.Region;

/**
 * Checks a city against its province's bounds on every date where the city's or the province's
 * numbers change (from the city's first day on), so that every effective period is covered.
 */
public final class ConformanceCheck {

    private ConformanceCheck() {
    }

    public static ConformanceReport check(Region city, Region province) {
        LocalDate start = city.metadata().effectiveFrom();
        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(start);
        city.parameters().changeDates().stream().filter(d -> d.isAfter(start)).forEach(dates::add);
        province.parameters().changeDates().stream().filter(d -> d.isAfter(start)).forEach(dates::add);
        List<BoundViolation> violations = new ArrayList<>();
        for (LocalDate date : dates) {
            for (Bound bound : province.bounds()) {
                for (BoundViolation v : bound.check(city.parameters(), date)) {
                    if (violations.stream().noneMatch(seen -> sameNumber(seen, v))) {
                        violations.add(v);
                    }
                }
            }
        }
        return report(city, province, violations);
    }

    /** The same number violating the same bound over several periods is reported once, from its first date. */
    private static boolean sameNumber(BoundViolation a, BoundViolation b) {
        return a.boundId().equals(b.boundId()) && a.parameter().equals(b.parameter()) && a.actual().equals(b.actual());
    }

    private static ConformanceReport report(Region city, Region province, List<BoundViolation> violations) {
        return new ConformanceReport(city.metadata().code(), province.metadata().code(),
                violations.isEmpty() ? ConformanceStatus.CONFORMS : ConformanceStatus.VIOLATES, violations);
    }
}
