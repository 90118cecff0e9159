package org.gongji.api.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;

/**
 * A region's numbers over time. Immutable; {@link #with} returns a new table.
 */
public final class ParameterTable {

    private static final Comparator<Parameter> BY_DATE = Comparator.comparing(Parameter::effectiveFrom);

    private final String source;
    private final Map<String, Parameter[]> byKey;
    /** The {@link Term} of each entry, built once: settlements ask for the same terms millions of times. */
    private final Map<Parameter, Term<Object>> terms = new IdentityHashMap<>();

    private ParameterTable(String source, Map<String, Parameter[]> byKey) {
        this.source = source;
        this.byKey = byKey;
        byKey.values().forEach(entries -> {
            for (Parameter p : entries) {
                terms.put(p, new Term<>(p.value(), p.display(), p.citation()));
            }
        });
    }

    public static ParameterTable of(String source, Collection<Parameter> parameters) {
        Map<String, List<Parameter>> grouped = new HashMap<>();
        for (Parameter p : parameters) {
            List<Parameter> entries = grouped.computeIfAbsent(p.key(), k -> new ArrayList<>());
            // a later entry for the same key and date replaces the earlier one (an override)
            entries.removeIf(e -> e.effectiveFrom().equals(p.effectiveFrom()));
            entries.add(p);
        }
        Map<String, Parameter[]> byKey = new HashMap<>();
        grouped.forEach((k, v) -> {
            v.sort(BY_DATE);
            byKey.put(k, v.toArray(Parameter[]::new));
        });
        return new ParameterTable(source, byKey);
    }

    /** Where the table was read from, e.g. the resource name in a region bundle. */
    public String source() {
        return source;
    }

    /** This table with more entries; an entry for an existing key and date replaces it. */
    public ParameterTable with(String newSource, Collection<Parameter> more) {
        List<Parameter> all = new ArrayList<>(entries());
        all.addAll(more);
        return of(newSource, all);
    }

    /** Every entry of every key, in date order per key. */
    public List<Parameter> entries() {
        List<Parameter> all = new ArrayList<>();
        new TreeMap<>(byKey).values().forEach(v -> all.addAll(List.of(v)));
        return all;
    }

    public Optional<Parameter> find(String key, LocalDate date) {
        return Optional.ofNullable(lookup(key, date));
    }

    /** The entry in force on the date, or null. */
    public Parameter lookup(String key, LocalDate date) {
        Parameter[] entries = byKey.get(key);
        if (entries != null) {
            for (int i = entries.length - 1; i >= 0; i--) {
                if (!entries[i].effectiveFrom().isAfter(date)) {
                    return entries[i];
                }
            }
        }
        return null;
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** The entry in force on the date, or {@link ErrorCode#RULES_NOT_IN_FORCE}. */
    public Parameter require(String key, LocalDate date) {
        Parameter p = lookup(key, date);
        if (p == null) {
            throw new GongjiException(ErrorCode.RULES_NOT_IN_FORCE, "no value of " + key + " in force on " + date + " (" + source + ")");
        }
        return p;
    }

    public Term<Money> money(String key, LocalDate date) {
        return term(require(key, date), Money.class);
    }

    public Term<Ratio> ratio(String key, LocalDate date) {
        return term(require(key, date), Ratio.class);
    }

    /** The entry's term, typed; refuses an entry written as another type. */
    @SuppressWarnings("unchecked")
    public <T> Term<T> term(Parameter p, Class<T> type) {
        if (!type.isInstance(p.value())) {
            throw new IllegalStateException(p.key() + " = " + p.text() + " is not a " + type.getSimpleName());
        }
        Term<Object> cached = terms.get(p);
        return cached != null ? (Term<T>) cached : Term.of(p, type);
    }

    public String text(String key, LocalDate date) {
        return require(key, date).text();
    }

    /** Every key's entry in force on the date, ordered by key. */
    public List<Parameter> inForce(LocalDate date) {
        List<Parameter> result = new ArrayList<>();
        for (String key : new TreeMap<>(byKey).keySet()) {
            find(key, date).ifPresent(result::add);
        }
        return result;
    }

    /** The earliest date any entry takes effect. */
    public Optional<LocalDate> earliest() {
        return byKey.values().stream().map(v -> v[0].effectiveFrom()).min(Comparator.naturalOrder());
    }

    /** Every date on which some entry takes effect: the boundaries of the table's periods. */
    public List<LocalDate> changeDates() {
        return byKey.values().stream().flatMap(v -> java.util.Arrays.stream(v).map(Parameter::effectiveFrom))
                .distinct().sorted().toList();
    }
}
