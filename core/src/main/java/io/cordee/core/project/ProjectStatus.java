package io.cordee.core.project;

public enum ProjectStatus {
    PROSPECT,
    PLANNED,
    ACTIVE,
    ON_HOLD,
    DELIVERED,
    CANCELLED
}
