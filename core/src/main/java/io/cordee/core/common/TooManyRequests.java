package io.cordee.core.common;

import java.time.Duration;

/**
 * Refused for now, not for ever: the caller may try again after {@link #retryAfter()}. Nothing was
 * checked or written. The API answers it HTTP 429 with {@code Retry-After}.
 */
public final class TooManyRequests extends DomainException {

    private final Duration retryAfter;

    public TooManyRequests(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least 1: what {@code Retry-After} carries. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
