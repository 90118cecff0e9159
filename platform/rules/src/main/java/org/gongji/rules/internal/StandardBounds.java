package org.gongji.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Bound;

/**
 * The bounds a province declares as rows of its parameter table, {@code bound.<target>.<kind> | limit | from | clause | note}.
 * The target is a city key or a group ({@link BoundTarget}); the kinds:
 * <pre>
 * bound.T.max | .min | .is              every number of T ≤ / ≥ / = the limit        (LimitBound)
 * bound.T.required            yes       the city sets T                              (RequiredBound)
 * bound.T.levelsDiffer        yes       T is not the same at every level              (LevelsDifferBound)
 * bound.T.levelSpread.min     points    T favours primary care by at least the limit  (LevelSpreadBound)
 * bound.T.about               ratio     the mean of T within ± bound.T.about.tolerance (AboutBound)
 * bound.T.maxShareOfAverageWage    ratio   every amount of T ≤ the share × reference.averageWage
 * bound.T.aboutShareOfAverageWage  ratio   about the share, ± bound.T.aboutShareOfAverageWage.tolerance points
 * bound.T.maxShareOfEarliest       ratio   every number of T ≤ the share of the city's earliest value of it (ShareOfEarliestBound)
 * </pre>
 * {@code reference.averageWage} is the province's dated reference amount (cite the statistics, or flag it).
 * A bound row whose kind is not known fails the region's construction, so a typo never passes silently.
 */
public final class StandardBounds {

    public static final String PREFIX = "bound.";
    public static final String TOLERANCE = ".tolerance";
    public static final String AVERAGE_WAGE = "reference.averageWage";

    private StandardBounds() {
    }

    public static List<Bound> of(ParameterTable table) {
        Set<String> keys = new LinkedHashSet<>();
        for (Parameter p : table.entries()) {
            if (p.key().startsWith(PREFIX) && !p.key().endsWith(TOLERANCE)) {
                keys.add(p.key());
            }
        }
        List<Bound> bounds = new ArrayList<>(keys.size());
        for (String key : keys) {
            bounds.add(bound(table, key));
        }
        return List.copyOf(bounds);
    }

    private static Bound bound(ParameterTable table, String key) {
        String rest = key.substring(PREFIX.length());
        if (rest.endsWith(".levelSpread.min")) {
            return new LevelSpreadBound(table, key, target(rest, ".levelSpread.min"));
        }
        if (rest.endsWith(".maxShareOfAverageWage")) {
            return new ShareOfReferenceBound(table, key, target(rest, ".maxShareOfAverageWage"), AVERAGE_WAGE, null);
        }
        if (rest.endsWith(".aboutShareOfAverageWage")) {
            return new ShareOfReferenceBound(table, key, target(rest, ".aboutShareOfAverageWage"), AVERAGE_WAGE,
                    key + TOLERANCE);
        }
        if (rest.endsWith(".maxShareOfEarliest")) {
            return new ShareOfEarliestBound(table, key, target(rest, ".maxShareOfEarliest"));
        }
        if (rest.endsWith(".about")) {
            return new AboutBound(table, key, target(rest, ".about"));
        }
        if (rest.endsWith(".included")) {
            return new CatalogueBound(table, key, target(rest, ".included"));
        }
        if (rest.endsWith(".levelsDiffer")) {
            return new LevelsDifferBound(table, key, target(rest, ".levelsDiffer"));
        }
        if (rest.endsWith(".required")) {
            return new RequiredBound(table, key, target(rest, ".required"));
        }
        if (rest.endsWith(".max")) {
            return new LimitBound(table, key, target(rest, ".max"), LimitBound.Kind.AT_MOST);
        }
        if (rest.endsWith(".min")) {
            return new LimitBound(table, key, target(rest, ".min"), LimitBound.Kind.AT_LEAST);
        }
        if (rest.endsWith(".is")) {
            return new LimitBound(table, key, target(rest, ".is"), LimitBound.Kind.EXACTLY);
        }
        throw new IllegalArgumentException(table.source() + ": " + key + " is not a known kind of bound"
                + " (.max .min .is .required .included .levelsDiffer .levelSpread.min .about .maxShareOfAverageWage"
                + " .aboutShareOfAverageWage .maxShareOfEarliest)");
    }

    private static BoundTarget target(String rest, String kind) {
        return BoundTarget.of(rest.substring(0, rest.length() - kind.length()));
    }
}
