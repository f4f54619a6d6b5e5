package io.cordee.core.proposal;

/** How a proposal reached the client (ADR 65). */
public enum SendChannel {
    EMAIL,
    POST,
    MEETING,
    PHONE,
    PORTAL,
    OTHER
}
