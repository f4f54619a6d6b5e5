package io.cordee.api.config;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Date} and {@code Long} scalars, strict where graphql-java-extended-scalars is lenient
 * (ADR 26): its {@code Date} parses {@code yyyy-MM-dd} with the default "smart" resolver, so
 * {@code 2026-02-30} became {@code 2026-02-28}; its {@code Long} takes the string {@code "100"} for 100.
 * Here a date must exist ({@code uuuu-MM-dd}, {@link ResolverStyle#STRICT}) and a Long must be a JSON
 * number (a variable) or an integer literal. A refusal names the variable and carries
 * {@code extensions.code}: {@code INVALID_DATE} or {@code INVALID_NUMBER}.
 */
public final class StrictScalars {

    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String INVALID_NUMBER = "INVALID_NUMBER";

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public static final GraphQLScalarType DATE = GraphQLScalarType.newScalar().name("Date")
            .description("A calendar date, ISO-8601 (2026-11-22), that exists")
            .coercing(new DateCoercing()).build();

    public static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
            .description("A 64-bit integer, sent as a JSON number")
            .coercing(new LongCoercing()).build();

    private StrictScalars() {
    }

    /** The date of {@code text}, or a {@link DateTimeParseException} for a malformed or impossible one. */
    static LocalDate parseDate(String text) {
        return LocalDate.parse(text, ISO_DATE);
    }

    private static final class DateCoercing implements Coercing<LocalDate, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof TemporalAccessor temporal) {
                return ISO_DATE.format(temporal);
            }
            if (value instanceof String text) {
                try {
                    return ISO_DATE.format(parseDate(text));
                } catch (DateTimeParseException e) {
                    throw new CoercingSerializeException("Not a date: " + text, e);
                }
            }
            throw new CoercingSerializeException("Not a date: " + (value == null ? "null" : value.getClass().getSimpleName()));
        }

        @Override
        public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!(input instanceof String text)) {
                throw CoercingParseValueException.newCoercingParseValueException()
                        .message("Expected a date as a string such as \"2026-11-22\"")
                        .extensions(Map.of("code", INVALID_DATE)).build();
            }
            try {
                return parseDate(text);
            } catch (DateTimeParseException e) {
                throw CoercingParseValueException.newCoercingParseValueException()
                        .message(dateProblem(text)).extensions(Map.of("code", INVALID_DATE)).build();
            }
        }

        @Override
        public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue string)) {
                throw CoercingParseLiteralException.newCoercingParseLiteralException()
                        .message("Expected a date as a string such as \"2026-11-22\"")
                        .extensions(Map.of("code", INVALID_DATE)).build();
            }
            try {
                return parseDate(string.getValue());
            } catch (DateTimeParseException e) {
                throw CoercingParseLiteralException.newCoercingParseLiteralException()
                        .message(dateProblem(string.getValue())).extensions(Map.of("code", INVALID_DATE)).build();
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }

        private static String dateProblem(String text) {
            return text.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? "'" + text + "' is not a date of the calendar"
                    : "'" + text + "' is not a date in the form 2026-11-22";
        }
    }

    private static final class LongCoercing implements Coercing<Long, Long> {

        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof Number n) {
                Long exact = exact(n);
                if (exact != null) {
                    return exact;
                }
            }
            throw new CoercingSerializeException("Not a 64-bit integer: " + value);
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            Long exact = input instanceof Number n ? exact(n) : null;
            if (exact == null) {
                throw CoercingParseValueException.newCoercingParseValueException()
                        .message(input instanceof String
                                ? "Expected a JSON number, not a string: send 100, not \"100\""
                                : "Expected a whole number between -2^63 and 2^63-1")
                        .extensions(Map.of("code", INVALID_NUMBER)).build();
            }
            return exact;
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof IntValue integer)) {
                throw CoercingParseLiteralException.newCoercingParseLiteralException()
                        .message("Expected an integer literal such as 100" + (input instanceof StringValue ? ", not a string" : ""))
                        .extensions(Map.of("code", INVALID_NUMBER)).build();
            }
            BigInteger value = integer.getValue();
            if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
                throw CoercingParseLiteralException.newCoercingParseLiteralException()
                        .message("Expected a whole number between -2^63 and 2^63-1")
                        .extensions(Map.of("code", INVALID_NUMBER)).build();
            }
            return value.longValue();
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return IntValue.newIntValue(BigInteger.valueOf(serialize(input, context, locale))).build();
        }

        /** The number as a long when it is whole and in range (100 and 100.0 alike, as graphql-java's Int does). */
        private static Long exact(Number n) {
            if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
                return n.longValue();
            }
            try {
                BigDecimal decimal = n instanceof BigDecimal d ? d : n instanceof BigInteger i ? new BigDecimal(i)
                        : new BigDecimal(n.toString());
                return decimal.longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
    }
}
