package io.cordee.core.relationship;

/** The two partners of a relationship: who owns an agreement, who rated an interaction. */
public enum Side {
    AGENCY,
    CLIENT
}
