package io.cordee.core.brief;

/**
 * A version is a {@code DRAFT} until the agency and the client have both signed it; it is then
 * {@code AGREED}, and becomes {@code SUPERSEDED} when a later version of the same brief is agreed.
 */
public enum BriefStatus {
    DRAFT,
    AGREED,
    SUPERSEDED
}
