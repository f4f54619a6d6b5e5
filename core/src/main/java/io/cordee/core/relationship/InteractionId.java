package io.cordee.core.relationship;

import java.util.Objects;
import java.util.UUID;

public record InteractionId(UUID value) {
    public InteractionId {
        Objects.requireNonNull(value, "value");
    }
}
