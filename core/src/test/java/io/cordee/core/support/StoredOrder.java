package io.cordee.core.support;

import java.util.Comparator;
import java.util.UUID;

/** Orders the way PostgreSQL does, for contracts that promise "then by id" and for the twins that keep them. */
public final class StoredOrder {

    /** {@code uuid} compared byte by byte: unsigned, high half first (Java's own order is signed). */
    public static final Comparator<UUID> IDS = Comparator.<UUID, Long>comparing(UUID::getMostSignificantBits,
                    Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private StoredOrder() {
    }
}
