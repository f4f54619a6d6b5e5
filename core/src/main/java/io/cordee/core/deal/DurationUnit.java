package io.cordee.core.deal;

/** The unit of a deal's expected duration. */
public enum DurationUnit {
    WEEKS,
    MONTHS
}
