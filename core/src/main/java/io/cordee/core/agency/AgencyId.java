package io.cordee.core.agency;

import java.util.Objects;
import java.util.UUID;

/** The tenant key: every row and every query carries it. */
public record AgencyId(UUID value) {
    public AgencyId {
        Objects.requireNonNull(value, "value");
    }
}
