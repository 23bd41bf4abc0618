package com.invgov.api.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import com.invgov.api.DecimalLimits;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Values every JSON body is held to, whatever the endpoint (the application's ObjectMapper installs this module):
 * strings without the NUL character and without unpaired UTF-16 surrogates (JSON can carry both escaped, PostgreSQL
 * stores neither: the driver would write a surrogate as "?") and dates and times
 * within {@link StorableTime}; decimal numbers within {@link DecimalLimits} (1e100000 would pass the JSON parser's
 * length limit and break whatever writes or prints it later). Strings inside {@code Map<String, Object>} and lists are read by the same
 * deserializer, the keys of a {@code Map<String, ...>} by the key deserializer; {@code JsonNode} bodies are not
 * (the database refuses NUL where they are stored, which {@link ApiExceptionHandler} answers 400).
 */
final class InputValueModule extends SimpleModule {

    static final String NUL = "must not contain the NUL character (\\u0000)";
    static final String SURROGATE = "must not contain an unpaired UTF-16 surrogate (\\ud800-\\udfff alone)";

    /** Why PostgreSQL cannot store this text as it is, or null. */
    static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    InputValueModule() {
        super("invgov-input-values");
        addDeserializer(String.class, new NulFreeString());
        addDeserializer(BigDecimal.class, new BoundedDecimal());
        addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                String refusal = unstorable(key);
                if (refusal != null) {
                    throw new RefusedValue(context.getParser(), RefusedValue.Kind.UNSTORABLE_TEXT, refusal);
                }
                return key;
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return StorableTime.isTime(description.getBeanClass()) ? new InRange(deserializer) : deserializer;
            }
        });
    }

    /**
     * Jackson's own string deserializer, refusing text PostgreSQL cannot store (NUL, unpaired surrogates). Not a
     * "standard" one, so collections use it.
     */
    static final class NulFreeString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String refusal = value == null ? null : unstorable(value);
            if (refusal != null) {
                throw new RefusedValue(parser, RefusedValue.Kind.UNSTORABLE_TEXT, refusal);
            }
            return value;
        }
    }

    /** Jackson's own BigDecimal deserializer (numbers and numeric text), refusing numbers beyond {@link DecimalLimits}. */
    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            String refusal = DecimalLimits.refusal(value);
            if (refusal != null) {
                throw new RefusedValue(parser, RefusedValue.Kind.NUMBER_OUT_OF_RANGE, refusal);
            }
            return value;
        }
    }

    /** Wraps Jackson's reader of a date or time type and refuses what PostgreSQL (or the API) cannot store. */
    static final class InRange extends DelegatingDeserializer {

        private static final java.util.regex.Pattern NUMBER_TEXT =
                java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d*)?([eE][+-]?\\d+)?");

        InRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && (parser.currentToken().isNumeric()
                    || parser.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                    && NUMBER_TEXT.matcher(parser.getText().strip()).matches())) {
                // Jackson would read a number (also one in a string) as seconds since 1970, and 1e300 as 1970
                // itself: the API takes ISO-8601 text only, as DESIGN §6 shows every time
                throw new RefusedValue(parser, RefusedValue.Kind.TIME_AS_NUMBER,
                        "must be ISO-8601 text, e.g. \"2026-11-30T08:00:00Z\" or \"2026-11-30\", not a number");
            }
            return checked(parser, _delegatee.deserialize(parser, context));
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                                          TypeDeserializer types) throws IOException {
            return checked(parser, _delegatee.deserializeWithType(parser, context, types));
        }

        private static Object checked(JsonParser parser, Object value) throws RefusedValue {
            String refusal = StorableTime.refusal(value);
            if (refusal != null) {
                throw new RefusedValue(parser, RefusedValue.Kind.TIME_OUT_OF_RANGE, refusal);
            }
            return value;
        }
    }
}
