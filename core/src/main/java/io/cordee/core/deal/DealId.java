package io.cordee.core.deal;

import java.util.Objects;
import java.util.UUID;

public record DealId(UUID value) {
    public DealId {
        Objects.requireNonNull(value, "value");
    }
}
