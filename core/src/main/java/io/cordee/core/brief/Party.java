package io.cordee.core.brief;

/** Who signs a brief version: the agency (an OWNER or a LEAD) and the client (a CLIENT user of the project's client). */
public enum Party {
    AGENCY,
    CLIENT
}
