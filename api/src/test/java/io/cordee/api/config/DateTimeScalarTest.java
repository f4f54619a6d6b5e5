package io.cordee.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLContext;
import graphql.schema.Coercing;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The schema's {@code DateTime}: extended-scalars' answers, and an instant answered in UTC. */
class DateTimeScalarTest {

    @SuppressWarnings("unchecked")
    private final Coercing<Object, Object> coercing = (Coercing<Object, Object>) DateTimeScalar.DATE_TIME.getCoercing();
    private final GraphQLContext context = GraphQLContext.getDefault();

    /** 2026-12-04T19:30:00.250Z answers as extended-scalars writes 2026-12-04T19:30:00.250 at offset zero. */
    @Test
    void anInstantAnswersAsItsOffsetDateTimeInUtc() {
        Instant instant = Instant.parse("2026-12-04T19:30:00.250Z");

        assertThat(coercing.serialize(instant, context, Locale.ROOT))
                .isEqualTo(coercing.serialize(instant.atOffset(ZoneOffset.UTC), context, Locale.ROOT))
                .isEqualTo("2026-12-04T19:30:00.250Z");
    }

    /** An offset date-time keeps its own offset (+02:00), as extended-scalars' DateTime answered it. */
    @Test
    void anOffsetDateTimeKeepsItsOffset() {
        OffsetDateTime paris = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(2));

        assertThat(coercing.serialize(paris, context, Locale.ROOT)).isEqualTo("2026-06-01T09:00:00.000+02:00");
    }

    @Test
    void anInputStaysAnOffsetDateTime() {
        assertThat(coercing.parseValue("2026-12-04T19:30:00Z", context, Locale.ROOT))
                .isEqualTo(OffsetDateTime.of(2026, 12, 4, 19, 30, 0, 0, ZoneOffset.UTC));
    }
}
