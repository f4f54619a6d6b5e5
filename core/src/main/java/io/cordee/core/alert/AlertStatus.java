package io.cordee.core.alert;

/** OPEN → ACKNOWLEDGED → RESOLVED; back to OPEN when it gets worse or its snooze ends. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
