package io.cordee.core.relationship;

/** Who leads a domain of the strengths map. */
public enum Lead {
    AGENCY,
    CLIENT,
    SHARED
}
