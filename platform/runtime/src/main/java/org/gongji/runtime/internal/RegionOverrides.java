package org.gongji.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongji.api.region.RegionCode;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Region;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A bureau's overrides of a region's numbers, as Config Admin configurations with the PID
 * {@code org.gongji.region.<code>} (file {@code deploy/org.gongji.region.410800.cfg}) or factory
 * configurations of that factory PID (files {@code org.gongji.region.410800-<name>.cfg}), one per
 * dated change. A configuration holds {@code effectiveFrom}, {@code citation} (document and clause,
 * or {@code ASSUMPTION}), an optional {@code note}, and the parameter keys it changes with their
 * new values ({@code outpatient.deductible.tertiary = 60.00}). A value may also be a whole table
 * row tail, {@code value | from | source | note}, to date each key on its own. Every key must
 * exist in the region's table with a value of the same kind; otherwise the override is refused.
 */
final class RegionOverrides {

    static final String PID_PREFIX = "org.gongji.region.";
    static final String EFFECTIVE_FROM = "effectiveFrom";
    static final String CITATION = "citation";
    static final String NOTE = "note";
    private static final Set<String> RESERVED = Set.of(EFFECTIVE_FROM, CITATION, NOTE);

    /** The region with its overrides applied, the source named in its table, and one audit line per change. */
    record Applied(Region region, String source, List<String> audit) {
    }

    private RegionOverrides() {
    }

    static Optional<RegionCode> regionOf(String pid) {
        if (pid == null || !pid.startsWith(PID_PREFIX)) {
            return Optional.empty();
        }
        String code = pid.substring(PID_PREFIX.length());
        return code.matches("\\d{6}") ? Optional.of(RegionCode.of(code)) : Optional.empty();
    }

    /**
     * The region with every configuration of its PID applied; empty when there is none.
     *
     * @throws IllegalArgumentException when a configuration is malformed or the region is not table-driven
     */
    static Optional<Applied> apply(ConfigurationAdmin admin, Region region) {
        RegionCode code = region.metadata().code();
        List<Configuration> configurations = configurationsOf(admin, PID_PREFIX + code);
        if (configurations.isEmpty()) {
            return Optional.empty();
        }
        if (!(region instanceof StandardRegion standard)) {
            throw new IllegalArgumentException(code + " is not a StandardRegion: its numbers cannot be overridden by configuration");
        }
        List<Parameter> overrides = new ArrayList<>();
        List<String> audit = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Configuration c : configurations) {
            String name = nameOf(c);
            names.add(name);
            for (Parameter p : parametersOf(c.getProperties(), name)) {
                Parameter base = requireKnown(region.parameters(), p, name);
                overrides.add(p);
                audit.add("override " + code + " " + p.key() + ": " + base.text() + " -> " + p.text() + " from "
                        + p.effectiveFrom() + " (" + p.citation() + ") by " + name);
            }
        }
        String source = "config " + String.join(", ", names);
        return Optional.of(new Applied(standard.withOverrides(region.parameters().source() + " + " + source, overrides), source, audit));
    }

    private static List<Configuration> configurationsOf(ConfigurationAdmin admin, String pid) {
        try {
            Configuration[] found = admin.listConfigurations("(|(service.pid=" + pid + ")(service.factoryPid=" + pid + "))");
            if (found == null) {
                return List.of();
            }
            List<Configuration> list = new ArrayList<>(Arrays.asList(found));
            list.sort(Comparator.comparing(Configuration::getPid));
            return list;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalArgumentException("cannot read the configurations of " + pid + ": " + e.getMessage(), e);
        }
    }

    private static String nameOf(Configuration c) {
        Object file = c.getProperties() == null ? null : c.getProperties().get("felix.fileinstall.filename");
        if (file != null) {
            String f = file.toString();
            return f.substring(f.lastIndexOf('/') + 1);
        }
        return c.getPid();
    }

    static List<Parameter> parametersOf(Dictionary<String, Object> properties, String name) {
        if (properties == null) {
            return List.of();
        }
        List<String> keys = Collections.list(properties.keys()).stream()
                .filter(k -> !RESERVED.contains(k) && !k.startsWith("service.") && !k.startsWith("felix.") && !k.contains(":"))
                .sorted().toList();
        List<Parameter> parameters = new ArrayList<>();
        for (String key : keys) {
            String value = String.valueOf(properties.get(key)).strip();
            String row = value.contains("|") ? key + " | " + value : key + " | " + value + " | "
                    + required(properties, EFFECTIVE_FROM, name) + " | " + required(properties, CITATION, name) + " | "
                    + String.valueOf(properties.get(NOTE) == null ? "" : properties.get(NOTE)).strip();
            parameters.add(ParameterTableReader.parse(row, name + " " + key));
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(name + " changes no parameter");
        }
        return parameters;
    }

    private static String required(Dictionary<String, Object> properties, String key, String name) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(name + " has no " + key);
        }
        return value.toString().strip();
    }

    private static Parameter requireKnown(ParameterTable table, Parameter p, String name) {
        Parameter base = table.find(p.key(), p.effectiveFrom())
                .or(() -> table.entries().stream().filter(e -> e.key().equals(p.key())).findFirst())
                .orElseThrow(() -> new IllegalArgumentException(name + ": the region has no parameter " + p.key()));
        if (!base.value().getClass().equals(p.value().getClass())) {
            throw new IllegalArgumentException(name + ": " + p.key() + " = " + p.text() + " is not of the kind of "
                    + base.text());
        }
        return base;
    }
}
