package io.cordee.core.staffing;

import java.util.Objects;
import java.util.UUID;

public record AbsenceId(UUID value) {
    public AbsenceId {
        Objects.requireNonNull(value, "value");
    }
}
