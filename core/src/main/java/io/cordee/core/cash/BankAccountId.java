package io.cordee.core.cash;

import java.util.Objects;
import java.util.UUID;

public record BankAccountId(UUID value) {
    public BankAccountId {
        Objects.requireNonNull(value, "value");
    }
}
