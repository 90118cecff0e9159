package org.gongji.rules.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.rules.internal.BoundTarget;
import org.gongji.rules.internal.StandardVocabulary;

/**
 * Every key a region table may hold, with its kind, unit, description and whether it is required
 * (or its default). A table with an unknown key, a value of the wrong kind or a missing required
 * key is refused: {@link #check} names the line and the key. Besides the keys listed, a province
 * table holds its bounds, {@code bound.<target>.<kind>} ({@link #BOUND_KINDS}), where the target is
 * a key of the vocabulary or a group of keys.
 */
public final class Vocabulary {

    /** The kinds of bound a province may declare, longest first (so that {@code .levelSpread.min} is not read as {@code .min}). */
    public static final List<String> BOUND_KINDS = List.of("levelSpread.min", "maxShareOfAverageWage",
            "aboutShareOfAverageWage", "maxShareOfEarliest", "levelsDiffer", "required", "included", "about", "max", "min", "is");
    /** The one target of an {@code .included} bound: the province's chronic-disease catalogue. */
    private static final String CATALOGUE = "chronic.catalogue";
    private static final String BOUND = "bound.";
    private static final String TOLERANCE = ".tolerance";

    private static final Vocabulary STANDARD = new Vocabulary(StandardVocabulary.SECTIONS, StandardVocabulary.KEYS);

    private final List<Section> sections;
    private final Map<String, Key> exact = new LinkedHashMap<>();
    private final List<Key> patterns = new ArrayList<>();
    private final List<Key> keys;

    private Vocabulary(List<Section> sections, List<Key> keys) {
        this.sections = List.copyOf(sections);
        this.keys = List.copyOf(keys);
        for (Key k : keys) {
            if (k.isPattern()) {
                patterns.add(k);
            } else if (exact.put(k.name(), k) != null) {
                throw new IllegalArgumentException("key " + k.name() + " is in the vocabulary twice");
            }
        }
    }

    /** The keys the standard table-driven implementations read. */
    public static Vocabulary standard() {
        return STANDARD;
    }

    /** This vocabulary and the keys a region's own code reads (a region that registers its own {@code Region}). */
    public Vocabulary with(List<Section> moreSections, List<Key> moreKeys) {
        List<Section> s = new ArrayList<>(sections);
        s.addAll(moreSections);
        List<Key> k = new ArrayList<>(keys);
        k.addAll(moreKeys);
        return new Vocabulary(s, k);
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Key> keys() {
        return keys;
    }

    public Optional<Key> find(String key) {
        Key k = exact.get(key);
        if (k != null) {
            return Optional.of(k);
        }
        return patterns.stream().filter(p -> p.matches(key)).findFirst();
    }

    /** Throws {@link TableRefused} naming every problem of the table; {@code where} says where an entry was read. */
    public void require(Collection<Parameter> entries, String source, Function<Parameter, String> where) {
        List<Problem> problems = check(entries, source, where);
        if (!problems.isEmpty()) {
            throw new TableRefused(problems);
        }
    }

    public void require(ParameterTable table) {
        require(table.entries(), table.source(), p -> table.source());
    }

    /** Every problem of the table, entries in their order first, then the keys it lacks. */
    public List<Problem> check(Collection<Parameter> entries, String source, Function<Parameter, String> where) {
        List<Problem> problems = new ArrayList<>();
        for (Parameter p : entries) {
            entryProblem(p).ifPresent(message -> problems.add(new Problem(where.apply(p), p.key(), message)));
        }
        ParameterTable table = ParameterTable.of(source, entries);
        for (Section section : sections) {
            if (section.trigger() != null && !table.has(section.trigger())) {
                continue;
            }
            for (Key k : keys) {
                if (k.section() != section || k.isPattern() || table.has(k.name())) {
                    continue;
                }
                if (k.required()) {
                    problems.add(new Problem(source, k.name(), "missing: required " + (section.trigger() == null
                            ? "in every table" : "where the table has " + section.trigger() + " (" + section.title() + ")")));
                } else if (k.condition() != null && k.condition().test(table)) {
                    problems.add(new Problem(source, k.name(), "missing: required " + k.requiredWhen()));
                }
            }
        }
        return problems;
    }

    private Optional<String> entryProblem(Parameter p) {
        if (p.key().startsWith(BOUND)) {
            return boundProblem(p);
        }
        Optional<Key> key = find(p.key());
        if (key.isEmpty()) {
            return Optional.of("unknown key" + suggestion(p.key()).map(s -> " (did you mean " + s + "?)").orElse("")
                    + "; GET /api/v1/parameters lists the keys");
        }
        return valueProblem(key.get(), key.get().kind(), p);
    }

    private static Optional<String> valueProblem(Key key, Kind kind, Parameter p) {
        String text = p.text();
        if (!kind.accepts(p.value(), text)) {
            return Optional.of("'" + text + "' is not " + article(kind) + " (" + kind.howToWrite() + ")");
        }
        if (kind == Kind.ENUM && !key.values().isEmpty() && !key.values().contains(text)) {
            return Optional.of("'" + text + "' is not one of " + String.join(" | ", key.values()));
        }
        if (kind == Kind.LIST) {
            List<String> items = key.items(text);
            if (items.isEmpty()) {
                return Optional.of("an empty list");
            }
            if (!key.values().isEmpty()) {
                List<String> wrong = items.stream().filter(i -> !key.values().contains(i)).toList();
                if (!wrong.isEmpty()) {
                    return Optional.of(String.join(", ", wrong) + (wrong.size() == 1 ? " is" : " are")
                            + " not among " + String.join(" | ", key.values()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> boundProblem(Parameter p) {
        String rest = p.key().substring(BOUND.length());
        boolean tolerance = rest.endsWith(TOLERANCE);
        if (tolerance) {
            rest = rest.substring(0, rest.length() - TOLERANCE.length());
        }
        for (String kind : BOUND_KINDS) {
            if (!rest.endsWith("." + kind)) {
                continue;
            }
            String target = rest.substring(0, rest.length() - kind.length() - 1);
            if (kind.equals("included") || target.equals(CATALOGUE)) {
                return !(kind.equals("included") && target.equals(CATALOGUE)) ? Optional.of("only " + CATALOGUE
                        + " has an .included bound (the city lists every disease of the province's catalogue)")
                        : "yes".equals(p.text()) ? Optional.empty() : Optional.of("'" + p.text() + "' is not yes");
            }
            List<String> members = BoundTarget.keysOf(target);
            Optional<Key> first = find(members.get(0));
            if (first.isEmpty()) {
                return Optional.of("the bound's target " + target + " is not a key of the vocabulary"
                        + suggestion(target).map(s -> " (did you mean " + s + "?)").orElse(""));
            }
            if (tolerance) {
                return kind.startsWith("about") ? valueProblem(first.get(), Kind.POINTS, p)
                        : Optional.of("only an .about bound has a tolerance");
            }
            return switch (kind) {
                case "required", "levelsDiffer" -> "yes".equals(p.text()) ? Optional.empty()
                        : Optional.of("'" + p.text() + "' is not yes");
                case "levelSpread.min" -> valueProblem(first.get(), Kind.POINTS, p);
                case "maxShareOfAverageWage", "aboutShareOfAverageWage", "maxShareOfEarliest" ->
                        valueProblem(first.get(), Kind.RATIO, p);
                default -> BoundTarget.isRetiredRatio(target) ? valueProblem(first.get(), Kind.RATIO, p)
                        : valueProblem(first.get(), first.get().kind(), p);
            };
        }
        return Optional.of("not a known kind of bound (." + String.join(" .", BOUND_KINDS) + ")");
    }

    /** The known key nearest to a misspelt one, if it is near enough to be meant. */
    private Optional<String> suggestion(String key) {
        return exact.keySet().stream()
                .map(k -> Map.entry(k, distance(k, key)))
                .filter(e -> e.getValue() <= Math.max(2, key.length() / 8))
                .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .map(Map.Entry::getKey);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String article(Kind kind) {
        return switch (kind) {
            case MONEY -> "an amount";
            case RATIO -> "a ratio";
            case POINTS -> "percentage points";
            case DATE -> "a date";
            case FLAG -> "yes or no";
            case CODE -> "a region code";
            case ENUM, LIST, TEXT -> "a text";
        };
    }
}
