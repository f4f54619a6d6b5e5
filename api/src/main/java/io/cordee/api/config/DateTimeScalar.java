package io.cordee.api.config;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.cordee.api.graphql.common.DateTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The schema's {@code DateTime}: graphql-java-extended-scalars' own (ISO offset date-time, already strict),
 * which also answers a core {@link Instant} in UTC ({@link DateTimes#utc}). The core's records hold instants;
 * without this every such field (a token's {@code lastUsedAt}, an invitation's {@code expiresAt}…) needed a
 * controller method of its own only to convert it.
 */
public final class DateTimeScalar {

    public static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(scalar -> scalar
            .coercing(new InstantInUtc(ExtendedScalars.DateTime.getCoercing())));

    private DateTimeScalar() {
    }

    /** Extended-scalars' coercing, handed an {@link OffsetDateTime} at UTC where the answer is an instant. */
    private record InstantInUtc(Coercing<?, ?> coercing) implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return coercing.serialize(value instanceof Instant instant ? DateTimes.utc(instant) : value, context,
                    locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale)
                throws CoercingParseValueException {
            return coercing.parseValue(input, context, locale);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            return coercing.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return coercing.valueToLiteral(input, context, locale);
        }
    }
}
