package io.cordee.core.brief;

import java.util.Objects;
import java.util.UUID;

public record BriefId(UUID value) {
    public BriefId {
        Objects.requireNonNull(value, "value");
    }
}
