package io.cordee.core.identity;

import java.util.Objects;
import java.util.UUID;

public record ApiTokenId(UUID value) {
    public ApiTokenId {
        Objects.requireNonNull(value, "value");
    }
}
