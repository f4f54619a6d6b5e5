package io.cordee.core.alert;

/** How urgent a finding is, least urgent first: {@code compareTo} tells which is worse. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
