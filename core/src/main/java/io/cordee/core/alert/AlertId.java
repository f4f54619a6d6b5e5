package io.cordee.core.alert;

import java.util.Objects;
import java.util.UUID;

public record AlertId(UUID value) {
    public AlertId {
        Objects.requireNonNull(value, "value");
    }
}
