package io.cordee.core.alert;

import java.util.Objects;

/** A condition: a kind of signal about one subject. At most one unresolved alert exists per key. */
public record AlertKey(AlertKind kind, AlertSubject subject) {
    public AlertKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
    }
}
