package io.cordee.core.common;

/** Machine-readable error codes, shared by GraphQL errors and mutation {@code userErrors}. */
public enum ErrorCode {
    REQUIRED,
    TOO_LONG,
    OUT_OF_RANGE,
    INVALID_FORMAT,
    INVALID_ID,
    INVALID_DATE_ORDER,
    DUPLICATE,
    NOT_FOUND,
    CONFLICT,
    STALE_VERSION,
    FORBIDDEN,
    UNAUTHENTICATED,
    INVALID_CREDENTIALS,
    /** Sign-in attempts on one account come too fast after failures: wait, then try again. */
    TOO_MANY_ATTEMPTS,
    /** The server refuses more of this work for now (too many sign-ins at once, a rate limit): retry later. */
    TOO_MANY_REQUESTS
}
