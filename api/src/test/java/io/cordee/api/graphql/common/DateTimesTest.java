package io.cordee.api.graphql.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The schema's {@code DateTime} of an instant. */
class DateTimesTest {

    /** 2026-12-04T19:30:00Z answers 2026-12-04T19:30Z (offset +00:00); an instant not set answers null. */
    @Test
    void anInstantAnswersInUtcAndNullStaysNull() {
        OffsetDateTime answer = DateTimes.utc(Instant.parse("2026-12-04T19:30:00Z"));

        assertThat(answer).isEqualTo(OffsetDateTime.of(2026, 12, 4, 19, 30, 0, 0, ZoneOffset.UTC));
        assertThat(answer.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(DateTimes.utc(null)).isNull();
    }
}
