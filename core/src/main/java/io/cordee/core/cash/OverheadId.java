package io.cordee.core.cash;

import java.util.Objects;
import java.util.UUID;

public record OverheadId(UUID value) {
    public OverheadId {
        Objects.requireNonNull(value, "value");
    }
}
