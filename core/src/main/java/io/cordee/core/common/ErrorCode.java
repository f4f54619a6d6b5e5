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
    TOO_MANY_REQUESTS,
    /** First-run setup: the setup token is missing or not the one this instance printed (ADR 27). */
    INVALID_SETUP_TOKEN,
    /** First-run setup: the instance already has its first agency; the setup token is dead. */
    ALREADY_SET_UP,
    /** A password under 12 characters or on the list of common passwords. */
    WEAK_PASSWORD,
    /** New agencies may not sign up on this instance ({@code cordee.signup=closed}). */
    SIGNUP_CLOSED,
    /** An invitation link that was never issued, or was replaced by a re-sent one (ADR 30). */
    INVITATION_INVALID,
    /** An invitation link older than 7 days. */
    INVITATION_EXPIRED,
    /** An invitation link already accepted: each link works once. */
    INVITATION_USED,
    /** An invitation link the agency's owner revoked. */
    INVITATION_REVOKED,
    /** The change would leave the agency without an active OWNER. */
    LAST_OWNER,
    /** The mail server did not take the mail: nothing was saved, try again or ask the people who run Cordée. */
    MAIL_NOT_SENT,
    /** Setup or sign-up asked from a signed-in session: it would create another agency; sign out first. */
    ALREADY_SIGNED_IN,
    /** A password reset link that was never issued (ADR 39). */
    RESET_LINK_INVALID,
    /** A password reset link older than one hour. */
    RESET_LINK_EXPIRED,
    /** A password reset link already used: each link works once. */
    RESET_LINK_USED,
    /** The file is not a spreadsheet Cordée can read: malformed, truncated, too large, or a compressed bomb (ADR 49). */
    IMPORT_FILE_INVALID,
    /** An import was cancelled while it was applied: nothing was written (ADR 49). */
    IMPORT_CANCELLED,
    /** A two-factor code (or recovery code) that is not the right one (ADR 44). */
    TWO_FACTOR_CODE_INVALID,
    /** A two-factor code of a 30-second step already used: each code works once. */
    TWO_FACTOR_CODE_REUSED,
    /** The second step of a sign-in came too late (5 minutes), twice, or after too many wrong codes: sign in again. */
    SIGN_IN_CHALLENGE_EXPIRED,
    /** Two-factor sign-in is already on for this user. */
    TWO_FACTOR_ALREADY_ENABLED,
    /** Two-factor sign-in is not on (or its enrolment was not started) for this user. */
    TWO_FACTOR_NOT_ENABLED,
    /** The agency requires two factors for this role: they cannot be turned off, or you must turn them on first. */
    TWO_FACTOR_REQUIRED,
    /** The deal is won or lost: it can no longer be changed, moved or won. */
    DEAL_CLOSED,
    /** The deal cannot go from its stage to the one asked (LEAD → PROPOSAL → WON or LOST). */
    INVALID_STAGE_TRANSITION,
    /** The brief version's feasibility has no such suggestion: it is already realistic, or that remedy is not enough (ADR 60). */
    NO_FEASIBILITY_SUGGESTION,
    /** An agency archive that is not one Cordée wrote, or was changed since: manifest, hash, row count, a reference (ADR 58). */
    ARCHIVE_INVALID,
    /** An agency archive is imported into an empty agency only (ADR 58). */
    AGENCY_NOT_EMPTY
}
