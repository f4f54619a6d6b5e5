package io.cordee.core.relationship;

/** What kind of exchange was worth logging. */
public enum InteractionKind {
    MEETING,
    CALL,
    WORKSHOP,
    EMAIL
}
