package io.cordee.core.identity;

/**
 * What a user may do. {@code CLIENT} users belong to one client of the agency and see only that
 * client's projects, briefs and invoices; never costs, risk scores, other clients or the forecast.
 */
public enum Role {
    OWNER,
    FINANCE,
    LEAD,
    CLIENT
}
