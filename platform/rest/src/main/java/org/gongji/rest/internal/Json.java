package org.gongji.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;

/**
 * The one JSON configuration: money as a number with exactly two decimals (12.30), ratios as a
 * fraction (0.55), dates as YYYY-MM-DD, unknown fields refused. A request amount that is not a
 * number, is negative, or has more than two decimals is refused with {@code INVALID_AMOUNT}.
 */
public final class Json {

    /** No amount in a request is above this (one hundred million yuan); anything larger is a unit error. */
    static final Money ABSURD = Money.ofYuan(100_000_000);

    private Json() {
    }

    /** 512 M characters: about 9 million lines of CSV carried in one JSON string. */
    static final int MAX_UPLOAD_CHARS = 512 * 1024 * 1024;

    /**
     * A reader for the bodies of the upload paths ({@code ApiHandler.UPLOAD_PATHS}), read by the
     * resource rather than the JSON provider: a case list or claim file is tens of megabytes of CSV
     * text in one JSON string, above Jackson's default string limit (20 M chars).
     */
    static ObjectReader uploadReader(Class<?> type) {
        ObjectMapper mapper = mapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_UPLOAD_CHARS).build());
        return mapper.readerFor(type);
    }

    public static ObjectMapper mapper() {
        SimpleModule money = new SimpleModule("gongji-money");
        money.addSerializer(Money.class, new MoneySerializer());
        money.addDeserializer(Money.class, new MoneyDeserializer());
        money.addSerializer(Ratio.class, new RatioSerializer());
        money.addDeserializer(Ratio.class, new RatioDeserializer());
        money.addDeserializer(LocalDate.class, new DateDeserializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(money)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    /**
     * A date is YYYY-MM-DD and nothing else: a date-time such as {@code 2023-03-01T23:59:59Z} would
     * otherwise be read as its UTC date, which can move a visit into another cap year.
     */
    static final class DateDeserializer extends JsonDeserializer<LocalDate> {
        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String field = p.currentName();
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            if (text != null && DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // falls through to the refusal: 2024-02-30
                }
            }
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " must be a date such as 2024-03-01, not "
                    + (text == null ? p.getText() : "'" + text + "'"));
        }
    }

    static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(BigDecimal.valueOf(value.fen(), 2));
        }
    }

    static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String field = p.currentName();
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, field + " must be a number of yuan, not " + p.getText());
            }
            BigDecimal yuan = p.getDecimalValue();
            if (yuan.signum() < 0) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, field + " must not be negative: " + yuan.toPlainString());
            }
            if (yuan.scale() > 2) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT,
                        field + " has more than two decimals: " + yuan.toPlainString());
            }
            if (yuan.compareTo(ABSURD.toYuan()) > 0) {
                throw new GongjiException(ErrorCode.INVALID_AMOUNT, field + " is above " + ABSURD + ": " + yuan.toPlainString());
            }
            return Money.of(yuan);
        }
    }

    static final class RatioSerializer extends JsonSerializer<Ratio> {
        @Override
        public void serialize(Ratio value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toFraction());
        }
    }

    static final class RatioDeserializer extends JsonDeserializer<Ratio> {
        @Override
        public Ratio deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String field = p.currentName();
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " must be a fraction 0..1, not " + p.getText());
            }
            BigDecimal fraction = p.getDecimalValue();
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0
                    || fraction.stripTrailingZeros().scale() > 4) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST,
                        field + " must be a fraction 0..1 with at most four decimals, not " + fraction.toPlainString());
            }
            return Ratio.ofFraction(fraction);
        }
    }
}
