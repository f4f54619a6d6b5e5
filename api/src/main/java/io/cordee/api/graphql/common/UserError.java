package io.cordee.api.graphql.common;

import io.cordee.core.common.DomainException;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import java.util.Arrays;
import java.util.List;

/** GraphQL {@code UserError}: the input path ({@code contacts[0].email} is {@code ["contacts","0","email"]}), message, code. */
public record UserError(List<String> field, String message, ErrorCode code) {

    public static UserError of(FieldError e) {
        return new UserError(path(e.field()), e.message(), e.code());
    }

    /** An input path as GraphQL gives it: {@code contacts[0].email} is {@code ["contacts","0","email"]}. */
    public static List<String> path(String field) {
        return Arrays.stream(field.split("[.\\[\\]]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The user errors a domain failure stands for. */
    public static List<UserError> from(DomainException e) {
        if (e instanceof InvalidInput invalid) {
            return invalid.errors().stream().map(UserError::of).toList();
        }
        return List.of(new UserError(null, e.getMessage(), e.code()));
    }
}
