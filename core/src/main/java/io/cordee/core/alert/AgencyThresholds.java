package io.cordee.core.alert;

import java.util.Objects;

/** An agency's alert thresholds with the version to update them from; {@code version} null: the defaults, never saved. */
public record AgencyThresholds(AlertThresholds thresholds, Long version) {
    public AgencyThresholds {
        Objects.requireNonNull(thresholds, "thresholds");
    }

    public static AgencyThresholds defaults() {
        return new AgencyThresholds(AlertThresholds.defaults(), null);
    }
}
