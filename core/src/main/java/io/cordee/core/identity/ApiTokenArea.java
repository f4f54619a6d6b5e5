package io.cordee.core.identity;

/**
 * The areas a {@code READ_WRITE} API token may change. Which mutation belongs to which area is an API
 * concern (the GraphQL layer maps each mutation field to one area); the core only stores the grant.
 */
public enum ApiTokenArea {
    CLIENTS,
    PROJECTS,
    BILLING,
    CASH,
    STAFFING,
    RELATIONSHIP,
    BRIEFS,
    ALERTS,
    SETTINGS
}
