package io.cordee.core.common;

/**
 * A failure the caller can understand and act on. The API maps each subtype to a typed error;
 * anything that is not a {@code DomainException} is an internal error and never shown in detail.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, InvalidInput, Forbidden, Unauthenticated, TooManyRequests {

    private final ErrorCode code;

    protected DomainException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
