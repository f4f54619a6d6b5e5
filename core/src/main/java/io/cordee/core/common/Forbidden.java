package io.cordee.core.common;

import java.util.Optional;

/**
 * The caller is signed in but their role does not allow this. When only one input field of a request
 * is out of the caller's reach (a {@code LEAD} sending a fee budget with a status change), the
 * refusal names it, as an input path like a {@link FieldError}'s.
 */
public final class Forbidden extends DomainException {

    private final String field;

    public Forbidden(String message) {
        this(message, null);
    }

    public Forbidden(String message, String field) {
        super(ErrorCode.FORBIDDEN, message);
        this.field = field;
    }

    /** The input field refused, if the refusal is about one field rather than the whole operation. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
