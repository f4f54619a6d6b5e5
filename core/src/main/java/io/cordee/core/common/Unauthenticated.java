package io.cordee.core.common;

/** No valid session or token: the caller must sign in. */
public final class Unauthenticated extends DomainException {

    public Unauthenticated(String message) {
        super(ErrorCode.UNAUTHENTICATED, message);
    }
}
