package org.gongji.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a careless or hostile client does to a valid body: one value made null, of the wrong
 * type, out of range, very long, odd unicode, a date-time where a date belongs; a field added or
 * a required one left out; or a body that is no JSON object at all.
 */
enum Mutation {
    NONE, NULL, WRONG_TYPE, OUT_OF_RANGE, LONG_STRING, UNICODE, DATE_TIME, EXTRA_FIELD, MISSING_FIELD, NOT_AN_OBJECT;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final List<String> LONG = List.of("x".repeat(65), "y".repeat(201), "z".repeat(5_000), "w".repeat(100_000));
    static final List<String> ODD_TEXT = List.of("张三\u0000", "\u202eP1", "🙂🙂🙂", "\uD800", "Ｐ１", "   ", "\t\n", "P1\r\nX-Evil: 1",
            "'; DROP TABLE person; --", "%00", "../../etc/passwd", "");
    static final List<String> NOT_DATES = List.of("2023-03-01T23:59:59Z", "2024-02-30", "2024-13-01", "+2024-01-01",
            "20240101", "2024-1-1", "0000-01-01", "9999-12-31", "2023-03-01T00:00:00+08:00");
    static final List<BigDecimal> BAD_NUMBERS = List.of(new BigDecimal("-0.01"), new BigDecimal("100000000.01"),
            new BigDecimal("1.234"), new BigDecimal("1E+20"), new BigDecimal("1E+400"), new BigDecimal("-1E-400"),
            new BigDecimal("9".repeat(2_000)), new BigDecimal("2147483648"), new BigDecimal("-9223372036854775809"));
    static final List<String> NOT_OBJECTS = List.of("", "null", "[]", "{", "\"x\"", "12", "{\"a\":", "[{}]", "{}{}", "\uFEFF{}");

    /** A location in a JSON tree: the root, a field of an object, an element of an array. */
    private record Slot(JsonNode parent, String field, int index, JsonNode value) {
        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(field, v);
            } else if (parent instanceof ArrayNode a) {
                a.set(index, v);
            }
        }
    }

    /**
     * This mutation applied to a copy of {@code body}; {@code pick} and {@code variant} choose
     * where and which value (modulo what there is). The answer is the body's text.
     */
    String apply(JsonNode body, int pick, int variant) {
        if (this == NOT_AN_OBJECT) {
            return NOT_OBJECTS.get(variant % NOT_OBJECTS.size());
        }
        JsonNode root = body.deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(null, null, -1, root, slots);
        switch (this) {
            case NULL -> some(slots, s -> s.parent() != null, pick).ifPresent(s -> s.set(NullNode.instance));
            case WRONG_TYPE -> some(slots, s -> s.parent() != null, pick).ifPresent(s -> s.set(wrongType(s.value(), variant)));
            case OUT_OF_RANGE -> some(slots, s -> s.parent() != null && s.value().isNumber(), pick)
                    .or(() -> some(slots, s -> s.parent() != null, pick))
                    .ifPresent(s -> s.set(DecimalNode.valueOf(BAD_NUMBERS.get(variant % BAD_NUMBERS.size()))));
            case LONG_STRING -> some(slots, s -> s.parent() != null && s.value().isTextual(), pick)
                    .ifPresent(s -> s.set(TextNode.valueOf(LONG.get(variant % LONG.size()))));
            case UNICODE -> some(slots, s -> s.parent() != null && s.value().isTextual(), pick)
                    .ifPresent(s -> s.set(TextNode.valueOf(ODD_TEXT.get(variant % ODD_TEXT.size()))));
            case DATE_TIME -> some(slots, s -> s.parent() != null && s.value().isTextual()
                    && s.value().asText().matches("\\d{4}-\\d{2}(-\\d{2})?"), pick)
                    .or(() -> some(slots, s -> s.parent() != null && s.value().isTextual(), pick))
                    .ifPresent(s -> s.set(TextNode.valueOf(NOT_DATES.get(variant % NOT_DATES.size()))));
            case EXTRA_FIELD -> some(slots, s -> s.value().isObject(), pick)
                    .ifPresent(s -> ((ObjectNode) s.value()).put(variant % 2 == 0 ? "unexpected" : "personid", 1));
            case MISSING_FIELD -> some(slots, s -> s.value().isObject() && s.value().size() > 0, pick).ifPresent(s -> {
                List<String> names = new ArrayList<>();
                s.value().fieldNames().forEachRemaining(names::add);
                ((ObjectNode) s.value()).remove(names.get(variant % names.size()));
            });
            default -> {
            }
        }
        return root.toString();
    }

    private static JsonNode wrongType(JsonNode v, int variant) {
        if (v.isTextual()) {
            return variant % 2 == 0 ? IntNode.valueOf(12345) : JSON.arrayNode().add(v);
        }
        if (v.isNumber()) {
            return variant % 2 == 0 ? TextNode.valueOf(v.asText()) : BooleanNode.TRUE;
        }
        if (v.isBoolean()) {
            return variant % 2 == 0 ? TextNode.valueOf("true") : IntNode.valueOf(1);
        }
        if (v.isObject()) {
            return variant % 2 == 0 ? JSON.arrayNode() : TextNode.valueOf("{}");
        }
        if (v.isArray()) {
            return variant % 2 == 0 ? JSON.objectNode() : JSON.arrayNode().addNull();
        }
        return TextNode.valueOf("x");
    }

    private static java.util.Optional<Slot> some(List<Slot> slots, Predicate<Slot> fit, int pick) {
        List<Slot> fitting = slots.stream().filter(fit).toList();
        return fitting.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(fitting.get(pick % fitting.size()));
    }

    private static void collect(JsonNode parent, String field, int index, JsonNode value, List<Slot> slots) {
        slots.add(new Slot(parent, field, index, value));
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(value, name, -1, value.get(name), slots);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value, null, i, value.get(i), slots);
            }
        }
    }
}
