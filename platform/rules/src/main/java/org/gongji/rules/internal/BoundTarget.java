package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;

/**
 * The city numbers a bound applies to: one key of the city's table, a group of standard keys
 * ({@code outpatient.deductible} and {@code outpatient.ratio}: the three institution levels;
 * {@code outpatient.cap}: employed and retired), or the derived {@code outpatient.ratio.retired}
 * (each level's ratio plus the retirees' bonus).
 */
public final class BoundTarget {

    private static final List<String> LEVELS = List.of("tertiary", "secondary", "primary");
    private static final Map<String, List<String>> GROUPS = Map.of(
            "outpatient.deductible", keys("outpatient.deductible.", LEVELS),
            "outpatient.ratio", keys("outpatient.ratio.", LEVELS),
            "outpatient.cap", keys("outpatient.cap.", List.of("employed", "retired")));
    private static final String RETIRED_RATIO = "outpatient.ratio.retired";

    private final String name;
    private final List<String> keys;

    private BoundTarget(String name, List<String> keys) {
        this.name = name;
        this.keys = keys;
    }

    public static BoundTarget of(String name) {
        if (RETIRED_RATIO.equals(name)) {
            return new BoundTarget(name, GROUPS.get("outpatient.ratio"));
        }
        return new BoundTarget(name, GROUPS.getOrDefault(name, List.of(name)));
    }

    /** The city keys a bound on {@code name} reads: the group's members, or the key itself. */
    public static List<String> keysOf(String name) {
        return RETIRED_RATIO.equals(name) ? GROUPS.get("outpatient.ratio") : GROUPS.getOrDefault(name, List.of(name));
    }

    /** The derived target "each level's ratio plus the retirees' bonus". */
    public static boolean isRetiredRatio(String name) {
        return RETIRED_RATIO.equals(name);
    }

    public String name() {
        return name;
    }

    /** The city's values on the date, in the group's order (tertiary, secondary, primary); a key not set is {@linkplain CityValue#missing() missing}. */
    public List<CityValue> valuesOn(ParameterTable city, LocalDate date) {
        List<CityValue> values = new ArrayList<>(keys.size());
        for (String key : keys) {
            Optional<Parameter> p = city.find(key, date);
            CityValue value = p.map(CityValue::of).orElseGet(() -> CityValue.missing(key));
            values.add(RETIRED_RATIO.equals(name) ? withRetiredBonus(value, city, date) : value);
        }
        return values;
    }

    private static CityValue withRetiredBonus(CityValue level, ParameterTable city, LocalDate date) {
        if (!(level.value() instanceof Ratio ratio)) {
            return level;
        }
        Optional<Parameter> bonus = city.find(StandardOutpatientPooling.RETIRED_BONUS, date);
        int points = bonus.map(b -> ((Ratio) b.value()).basisPoints()).orElse(0);
        Ratio retired = ratio.plusBasisPoints(points);
        return new CityValue(level.parameter() + " + " + StandardOutpatientPooling.RETIRED_BONUS, retired,
                level.text() + " + " + bonus.map(Parameter::text).orElse("0%") + " = " + retired);
    }

    /** "outpatient.deductible.{tertiary, secondary, primary}", as a bound's description names its target. */
    public String display() {
        if (keys.size() == 1) {
            return keys.get(0);
        }
        String prefix = keys.get(0).substring(0, keys.get(0).lastIndexOf('.') + 1);
        List<String> tails = keys.stream().map(k -> k.substring(prefix.length())).toList();
        return (RETIRED_RATIO.equals(name) ? "retired " : "") + prefix + "{" + String.join(", ", tails) + "}";
    }

    private static List<String> keys(String prefix, List<String> tails) {
        return tails.stream().map(t -> prefix + t).toList();
    }
}
