package io.cordee.core.common;

import java.util.Objects;

/** One thing the user can fix: which input field, what is wrong, and a stable code. */
public record FieldError(String field, String message, ErrorCode code) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }
}
