package io.cordee.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What every adapter binds and reads for a {@code timestamptz}: one instant, whatever offset it comes back in. */
class TimestampsTest {

    /**
     * 2026-12-04T19:30:00Z is bound as 2026-12-04T19:30+00:00; read back it is the same instant, and so is
     * 2026-12-04T21:30+02:00 (21:30 − 2 h = 19:30 UTC). Null stays null both ways (an optional column).
     */
    @Test
    void anInstantIsBoundInUtcAndReadBackAndNullStaysNull() {
        Instant instant = Instant.parse("2026-12-04T19:30:00Z");

        assertThat(Timestamps.utc(instant)).isEqualTo(OffsetDateTime.of(2026, 12, 4, 19, 30, 0, 0, ZoneOffset.UTC));
        assertThat(Timestamps.instant(Timestamps.utc(instant))).isEqualTo(instant);
        assertThat(Timestamps.instant(OffsetDateTime.of(2026, 12, 4, 21, 30, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(instant);
        assertThat(Timestamps.utc(null)).isNull();
        assertThat(Timestamps.instant((OffsetDateTime) null)).isNull();
    }
}
