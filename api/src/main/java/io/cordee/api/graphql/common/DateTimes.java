package io.cordee.api.graphql.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An instant as the schema's {@code DateTime} answers it: in UTC, null staying null. One place for what the
 * controllers did inline or with a helper of their own.
 */
public final class DateTimes {

    private DateTimes() {
    }

    /** {@code instant} at offset UTC; null when null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
