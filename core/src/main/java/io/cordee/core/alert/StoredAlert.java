package io.cordee.core.alert;

import io.cordee.core.identity.UserId;
import java.util.Objects;

/**
 * An alert as stored: its state ({@link Alert}), who acknowledged it and their comment, and the row's
 * version (optimistic locking: acknowledging or snoozing a stale version is a conflict).
 */
public record StoredAlert(Alert alert, UserId acknowledgedBy, String comment, long version) {
    public StoredAlert {
        Objects.requireNonNull(alert, "alert");
    }

    public AlertId id() {
        return alert.id();
    }
}
