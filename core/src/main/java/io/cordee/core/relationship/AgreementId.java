package io.cordee.core.relationship;

import java.util.Objects;
import java.util.UUID;

public record AgreementId(UUID value) {
    public AgreementId {
        Objects.requireNonNull(value, "value");
    }
}
