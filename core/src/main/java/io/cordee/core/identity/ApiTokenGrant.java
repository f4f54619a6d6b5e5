package io.cordee.core.identity;

/**
 * A recognised API token and the caller it acts as: its creator with the creator's role as it is now
 * (a demoted owner's tokens are demoted with them). What the token itself may change is
 * {@link ApiToken#mayChange}; the API checks it before a mutation runs.
 */
public record ApiTokenGrant(Caller caller, ApiToken token) {
}
