package io.cordee.core.brief;

/** MoSCoW. */
public enum Priority {
    MUST,
    SHOULD,
    COULD,
    WONT
}
