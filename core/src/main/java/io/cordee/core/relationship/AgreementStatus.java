package io.cordee.core.relationship;

/** Where an agreement of the game plan stands; {@code DONE} carries a done date. */
public enum AgreementStatus {
    PROPOSED,
    AGREED,
    DONE,
    DROPPED
}
