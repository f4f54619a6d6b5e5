package io.cordee.core.common;

/** The caller is signed in but their role does not allow this. */
public final class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
