package io.cordee.api.graphql.common;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.cordee.core.common.DomainException;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.TooManyRequests;
import io.cordee.core.common.Unauthenticated;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Domain failures outside mutation payloads become typed GraphQL errors: a classification and a
 * stable {@code code} in {@code extensions}. Anything else is left to Spring for GraphQL, which
 * answers {@code INTERNAL_ERROR} with an opaque id and no internals.
 */
@ControllerAdvice
public class GraphQlErrors {

    /** The classification of every "not now, retry later" answer, as the rate limits' (ADR 15). */
    static final ErrorClassification RATE_LIMITED = ErrorClassification.errorClassification("RATE_LIMITED");

    @GraphQlExceptionHandler
    public GraphQLError handle(DomainException e, DataFetchingEnvironment env) {
        ErrorClassification type = e instanceof NotFound ? ErrorType.NOT_FOUND
                : e instanceof Forbidden ? ErrorType.FORBIDDEN
                : e instanceof Unauthenticated ? ErrorType.UNAUTHORIZED
                : e instanceof TooManyRequests ? RATE_LIMITED
                : ErrorType.BAD_REQUEST;
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", e.code().name());
        if (e instanceof Forbidden forbidden) {
            forbidden.field().ifPresent(field -> extensions.put("field", UserError.path(field)));
        }
        if (e instanceof TooManyRequests later) {
            // HTTP 429 and Retry-After are set from it (SignInLimits)
            extensions.put("retryAfterSeconds", later.retryAfterSeconds());
        }
        if (e instanceof InvalidInput invalid) {
            extensions.put("userErrors", invalid.errors().stream().map(UserError::of).map(u -> Map.of(
                    "field", u.field(), "message", u.message(), "code", u.code().name())).toList());
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(e.getMessage()).extensions(extensions).build();
    }
}
