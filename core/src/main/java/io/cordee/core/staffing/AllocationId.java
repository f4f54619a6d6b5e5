package io.cordee.core.staffing;

import java.util.Objects;
import java.util.UUID;

public record AllocationId(UUID value) {
    public AllocationId {
        Objects.requireNonNull(value, "value");
    }
}
