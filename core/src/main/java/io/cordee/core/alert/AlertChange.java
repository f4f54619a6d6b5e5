package io.cordee.core.alert;

import java.util.Objects;

/**
 * What reconciling did to one alert, with its new state: what a caller stores, and tells subscribers; or
 * what a user did to it ({@link Type#ACKNOWLEDGED}, {@link Type#SNOOZED}), told to subscribers only.
 */
public record AlertChange(Type type, Alert alert) {

    public enum Type {
        /** A condition with no unresolved alert: a new alert. */
        OPENED,
        /** Higher severity, or the same severity and a larger magnitude: back to OPEN, marked worsened, unsnoozed. */
        WORSENED,
        /** The facts changed but not for the worse: new evidence, same status (acknowledged and snoozed stay so). */
        UPDATED,
        /** Its snooze date has come and the condition still holds: back to OPEN. */
        SNOOZE_ENDED,
        /** The condition no longer holds. */
        RESOLVED,
        /** Someone marked it seen (a person or an API token): not a reconciling change (ADR 75). */
        ACKNOWLEDGED,
        /** Someone quieted it until a date: not a reconciling change (ADR 75). */
        SNOOZED
    }

    public AlertChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alert, "alert");
    }
}
