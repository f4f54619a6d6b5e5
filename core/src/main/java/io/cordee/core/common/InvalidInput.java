package io.cordee.core.common;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks one or more rules; nothing was written. */
public final class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(ErrorCode.INVALID_FORMAT, errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("InvalidInput needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message, ErrorCode code) {
        return new InvalidInput(List.of(new FieldError(field, message, code)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
