package io.cordee.persistence.common;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An instant as a {@code timestamptz} column holds it, both ways: bound in UTC, read back as an instant (null
 * stays null). One place for what every adapter with a point in time did with a helper of its own.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** {@code instant} as a {@code timestamptz} parameter, in UTC; null when null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamptz} value as an instant; null when null. */
    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** The {@code timestamptz} column {@code column} of {@code row} as an instant; null when null. */
    public static Instant instant(Readable row, String column) {
        return instant(row.get(column, OffsetDateTime.class));
    }
}
