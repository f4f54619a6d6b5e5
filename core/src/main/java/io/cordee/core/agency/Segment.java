package io.cordee.core.agency;

/** Client segments, which drive default payment delays and risk rules. */
public enum Segment {
    STARTUP,
    SME,
    ENTERPRISE,
    PUBLIC
}
