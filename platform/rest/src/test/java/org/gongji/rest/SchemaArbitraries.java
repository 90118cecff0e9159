package org.gongji.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Values valid by a schema of the OpenAPI document, as jqwik arbitraries: enums, dates, the
 * document's patterns, lengths, ranges, money with two decimals, required and optional fields,
 * nulls where {@code nullable}. Identifiers are drawn from the values the test platform knows
 * (by field name) as often as at random, so that a valid body reaches the rules and not only the
 * "unknown person" refusal.
 */
final class SchemaArbitraries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode doc;
    private final Map<String, List<String>> known;

    /**
     * @param known values a field or parameter of that name should often take (for example
     *     {@code personId} → the persons the test platform holds)
     */
    SchemaArbitraries(JsonNode doc, Map<String, List<String>> known) {
        this.doc = doc;
        this.known = known;
    }

    /** A schema with its {@code $ref} (and a one-element {@code allOf}) followed. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            s = doc.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    Arbitrary<JsonNode> valueOf(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        Arbitrary<JsonNode> value = nonNull(s, name);
        return s.path("nullable").asBoolean(false) ? value.injectNull(0.05).map(v -> v == null ? NullNode.instance : v) : value;
    }

    private Arbitrary<JsonNode> nonNull(JsonNode s, String name) {
        if (s.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            s.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(s);
            case "array" -> array(s, name);
            case "boolean" -> Arbitraries.of(true, false).map(BooleanNode::valueOf);
            case "integer" -> integer(s, name);
            case "number" -> number(s);
            default -> string(s, name).map(TextNode::valueOf);
        };
    }

    private Arbitrary<JsonNode> object(JsonNode s) {
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        List<String> names = new ArrayList<>();
        List<Arbitrary<Optional<JsonNode>>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            names.add(p.getKey());
            Arbitrary<Optional<JsonNode>> present = valueOf(p.getValue(), p.getKey()).map(Optional::of);
            fields.add(required.contains(p.getKey()) ? present
                    : Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(2, present),
                            net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.<JsonNode>empty()))));
        }
        if (fields.isEmpty()) {
            return Arbitraries.just(JSON.objectNode());
        }
        return Combinators.combine(fields).as(values -> {
            ObjectNode o = JSON.objectNode();
            for (int i = 0; i < names.size(); i++) {
                String field = names.get(i);
                values.get(i).ifPresent(v -> o.set(field, v));
            }
            return (JsonNode) o;
        });
    }

    private Arbitrary<JsonNode> array(JsonNode s, String name) {
        int min = s.path("minItems").asInt(0);
        int max = Math.max(min, Math.min(s.path("maxItems").asInt(3), 3));
        return valueOf(s.path("items"), name).list().ofMinSize(min).ofMaxSize(max).map(items -> {
            ArrayNode a = JSON.arrayNode();
            items.forEach(a::add);
            return (JsonNode) a;
        });
    }

    private Arbitrary<JsonNode> integer(JsonNode s, String name) {
        long min = s.has("minimum") ? s.get("minimum").asLong() : name.toLowerCase().contains("year") ? 1990 : 0;
        long max = s.has("maximum") ? s.get("maximum").asLong() : name.toLowerCase().contains("year") ? 2030 : 100_000;
        Arbitrary<Long> any = Arbitraries.longs().between(min, max);
        if (name.toLowerCase().contains("year") && min <= 2024 && max >= 2024) {
            any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(2024L)), net.jqwik.api.Tuple.of(1, any));
        }
        return any.map(LongNode::valueOf);
    }

    private Arbitrary<JsonNode> number(JsonNode s) {
        BigDecimal min = s.has("minimum") ? s.get("minimum").decimalValue() : BigDecimal.ZERO;
        if (s.path("exclusiveMinimum").asBoolean(false)) {
            min = min.add(new BigDecimal("0.01"));
        }
        BigDecimal max = s.has("maximum") ? s.get("maximum").decimalValue() : new BigDecimal("100000000");
        BigDecimal small = max.min(min.add(new BigDecimal("2000")));
        Arbitrary<BigDecimal> usual = Arbitraries.bigDecimals().between(min, small).ofScale(2);
        Arbitrary<BigDecimal> any = Arbitraries.bigDecimals().between(min, max).ofScale(2);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, usual), net.jqwik.api.Tuple.of(1, any))
                .map(d -> (JsonNode) DecimalNode.valueOf(d));
    }

    Arbitrary<String> string(JsonNode s, String name) {
        List<String> names = known.get(name);
        Arbitrary<String> free = freeString(s, name);
        if (names != null) {
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(names)), net.jqwik.api.Tuple.of(1, free));
        }
        return free;
    }

    private Arbitrary<String> freeString(JsonNode s, String name) {
        String format = s.path("format").asText("");
        String pattern = s.path("pattern").asText("");
        String lower = name.toLowerCase();
        if (format.equals("date") || pattern.equals("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
                || (!s.has("pattern") && (lower.equals("date") || lower.equals("from") || lower.equals("to")))) {
            return days();
        }
        if (format.equals("date-time")) {
            return days().map(d -> d + "T08:30:00Z");
        }
        if (pattern.equals("^[0-9]{6}$")) {
            return Arbitraries.strings().numeric().ofLength(6);
        }
        if (pattern.startsWith("^[0-9]{4}-(0[1-9]|1[0-2])")) {
            return Arbitraries.integers().between(1, 12).map(m -> "2024-%02d".formatted(m));
        }
        if (lower.equals("month")) {
            return Arbitraries.integers().between(1, 12).map(m -> "2024-%02d".formatted(m));
        }
        int min = Math.max(s.path("minLength").asInt(0), pattern.equals("\\S") ? 1 : 0);
        int max = Math.max(min, Math.min(s.path("maxLength").asInt(24), 24));
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('张', '三', '焦', '作', '-', '_').ofMinLength(Math.max(min, 1)).ofMaxLength(Math.max(max, 1));
    }

    /** Days of 2023 and 2024: in the past, inside the rules Jiaozuo has in force. */
    static Arbitrary<String> days() {
        return Arbitraries.integers().between(0, 730).map(n -> LocalDate.of(2023, 1, 1).plusDays(n).toString());
    }
}
