package io.cordee.core.staffing;

import java.util.Objects;
import java.util.UUID;

public record TeamMemberId(UUID value) {
    public TeamMemberId {
        Objects.requireNonNull(value, "value");
    }
}
