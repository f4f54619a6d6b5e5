package io.cordee.core.billing;

import java.util.Objects;
import java.util.UUID;

public record InvoiceId(UUID value) {
    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }
}
