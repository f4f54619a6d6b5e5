package io.cordee.core.client;

/** How sure the next funding round is. */
public enum RoundStatus {
    NOT_STARTED,
    IN_PROGRESS,
    IN_DOUBT,
    SIGNED,
    FAILED
}
