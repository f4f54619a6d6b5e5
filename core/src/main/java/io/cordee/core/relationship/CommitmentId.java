package io.cordee.core.relationship;

import java.util.Objects;
import java.util.UUID;

public record CommitmentId(UUID value) {
    public CommitmentId {
        Objects.requireNonNull(value, "value");
    }
}
