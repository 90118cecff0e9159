package org.gongji.rules.vocabulary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongji.api.rules.ParameterTable;

/**
 * One key of the vocabulary: what a standard implementation reads under that name.
 *
 * @param name the key; a part in braces ({@code account.use.{relation}.{purpose}}) stands for one of {@code placeholders}
 * @param unit e.g. 元, %, 百分点; "" where the kind has none
 * @param description what the number means, in Chinese
 * @param required whether every table that has the key's section must set it
 * @param requiredWhen for a key required only in some tables: when, in Chinese (null otherwise)
 * @param defaultValue what applies when an optional key is not set, in words a bureau reads ("100%", "不设", ...)
 * @param values the words an ENUM value, or every item of a LIST, may be; empty: any
 * @param separator how the items of a LIST are separated (a regular expression), null for other kinds
 * @param condition when {@code requiredWhen} holds; null when the key is not conditionally required
 */
public record Key(String name, Kind kind, String unit, String description, Section section, boolean required,
        String requiredWhen, String defaultValue, List<String> values, String separator,
        Map<String, List<String>> placeholders, Predicate<ParameterTable> condition) {

    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(section, "section");
        values = List.copyOf(values);
        placeholders = Map.copyOf(placeholders);
    }

    /** Marks a placeholder given by a regular expression rather than a list of words. */
    static final String MATCHING = "~";

    // --- one line per key: money("outpatient.cap.employed", OUTPATIENT, "在职职工年度最高支付限额") ---

    public static Key money(String name, Section section, String description) {
        return of(name, Kind.MONEY, "元", section, description);
    }

    public static Key ratio(String name, Section section, String description) {
        return of(name, Kind.RATIO, "%", section, description);
    }

    public static Key points(String name, Section section, String description) {
        return of(name, Kind.POINTS, "百分点", section, description);
    }

    public static Key date(String name, Section section, String description) {
        return of(name, Kind.DATE, "", section, description);
    }

    public static Key flag(String name, Section section, String description) {
        return of(name, Kind.FLAG, "", section, description);
    }

    public static Key text(String name, Section section, String description) {
        return of(name, Kind.TEXT, "", section, description);
    }

    public static Key code(String name, Section section, String description) {
        return of(name, Kind.CODE, "", section, description);
    }

    /** One of the constants of an enumeration, e.g. {@code DeductibleMode.class}. */
    public static Key oneOf(String name, Section section, Class<? extends Enum<?>> type, String description) {
        return oneOf(name, section, description, names(type));
    }

    public static Key oneOf(String name, Section section, String description, String... values) {
        return of(name, Kind.ENUM, "", section, description).values(values);
    }

    /** Items separated by {@code separator} (a regular expression, e.g. {@code ","}). */
    public static Key list(String name, Section section, String separator, String description) {
        return new Key(name, Kind.LIST, "", description, section, true, null, null, List.of(), separator, Map.of(), null);
    }

    private static Key of(String name, Kind kind, String unit, Section section, String description) {
        return new Key(name, kind, unit, description, section, true, null, null, List.of(), null, Map.of(), null);
    }

    // --- modifiers ---

    /** Not required; {@code defaultValue} says what applies without it. */
    public Key optional(String defaultValue) {
        return new Key(name, kind, unit, description, section, false, null, Objects.requireNonNull(defaultValue),
                values, separator, placeholders, null);
    }

    /** Required only where {@code condition} holds (said in Chinese by {@code when}); else {@code defaultValue} applies. */
    public Key requiredWhen(String when, Predicate<ParameterTable> condition, String defaultValue) {
        return new Key(name, kind, unit, description, section, false, when, defaultValue, values, separator,
                placeholders, condition);
    }

    public Key unit(String newUnit) {
        return new Key(name, kind, newUnit, description, section, required, requiredWhen, defaultValue, values,
                separator, placeholders, condition);
    }

    public Key values(String... words) {
        return new Key(name, kind, unit, description, section, required, requiredWhen, defaultValue, List.of(words),
                separator, placeholders, condition);
    }

    public Key valuesOf(Class<? extends Enum<?>> type, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(names(type)));
        all.addAll(List.of(more));
        return values(all.toArray(String[]::new));
    }

    /** The part {@code {placeholder}} of the name is one of {@code words}. */
    public Key where(String placeholder, String... words) {
        Map<String, List<String>> more = new LinkedHashMap<>(placeholders);
        more.put(placeholder, List.of(words));
        return new Key(name, kind, unit, description, section, required, requiredWhen, defaultValue, values,
                separator, more, condition);
    }

    /**
     * The part {@code {placeholder}} of the name is any text matching {@code regex} (a disease code
     * {@code [A-Z][0-9]{5}}, a group name); shown in the vocabulary as {@code ~regex}.
     */
    public Key whereMatching(String placeholder, String regex) {
        return where(placeholder, MATCHING + regex);
    }

    public Key where(String placeholder, Class<? extends Enum<?>> type, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(names(type)));
        all.addAll(List.of(more));
        return where(placeholder, all.toArray(String[]::new));
    }

    // --- reading ---

    public boolean isPattern() {
        return !placeholders.isEmpty();
    }

    /** Whether a table key is this key (or one of the keys of this pattern). */
    public boolean matches(String key) {
        if (!isPattern()) {
            return name.equals(key);
        }
        return pattern().matcher(key).matches();
    }

    /** The items of a LIST value as written. */
    public List<String> items(String text) {
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Pattern pattern() {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < name.length()) {
            int open = name.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(name.substring(at)));
                break;
            }
            int close = name.indexOf('}', open);
            regex.append(Pattern.quote(name.substring(at, open)));
            List<String> words = placeholders.get(name.substring(open + 1, close));
            if (words.size() == 1 && words.get(0).startsWith(MATCHING)) {
                regex.append("(?:").append(words.get(0).substring(MATCHING.length())).append(')');
            } else {
                regex.append(words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")")));
            }
            at = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
