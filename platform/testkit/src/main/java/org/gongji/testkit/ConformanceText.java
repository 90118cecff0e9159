package org.gongji.testkit;

import java.util.List;
import java.util.StringJoiner;
import org.gongji.api.region.Citation;
import org.gongji.api.rules.Parameter;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.BoundViolation;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceReport;

/**
 * The filing report (备案) as a bureau officer reads it before release: the outcome, each finding
 * (which number, which bound, which clause, from when), the bounds checked, and the region's
 * assumptions still to confirm.
 */
public final class ConformanceText {

    private ConformanceText() {
    }

    public static String of(Region city, Region province, ConformanceReport report) {
        StringJoiner out = new StringJoiner(System.lineSeparator());
        out.add("Filing report: " + city.metadata().code() + " " + city.metadata().name() + " against "
                + province.metadata().code() + " " + province.metadata().name());
        out.add("Checked from " + city.metadata().effectiveFrom() + " on every date either table changes: "
                + report.status());
        if (!report.violations().isEmpty()) {
            out.add("");
            out.add("Violations:");
            for (BoundViolation v : report.violations()) {
                out.add("  - " + v.parameter() + " = " + v.actual() + " breaks " + v.boundId() + " (" + v.bound() + ")");
                out.add("    clause: " + v.citation() + "; from " + v.from());
            }
        }
        out.add("");
        out.add("Bounds of " + province.metadata().code() + " (" + province.bounds().size() + "):");
        for (Bound b : province.bounds()) {
            out.add("  - " + b.id() + ": " + b.description() + " [" + b.citation() + "]");
        }
        List<Parameter> assumptions = city.parameters().entries().stream().filter(Parameter::assumption).toList();
        out.add("");
        out.add("Assumptions of " + city.metadata().code() + " the bureau must confirm (" + assumptions.size() + " of "
                + city.parameters().entries().size() + " rows):");
        for (Parameter p : assumptions) {
            out.add("  - " + p.key() + " = " + p.text() + " from " + p.effectiveFrom() + ": " + reason(p.citation()));
        }
        return out.toString();
    }

    private static String reason(Citation c) {
        return c.clause();
    }

    /** One line per finding, for assertion messages. */
    public static String violations(ConformanceReport report) {
        StringJoiner out = new StringJoiner(System.lineSeparator());
        for (BoundViolation v : report.violations()) {
            out.add(v.parameter() + " = " + v.actual() + " breaks " + v.boundId() + " (" + v.bound() + ") [" + v.citation()
                    + "] from " + v.from());
        }
        return out.toString();
    }
}
