package io.cordee.core.brief;

import java.util.Objects;
import java.util.UUID;

public record BriefVersionId(UUID value) {
    public BriefVersionId {
        Objects.requireNonNull(value, "value");
    }
}
