package io.cordee.api.limits;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CancellationException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * The fields stopped because their request was cancelled ({@link InFlight}: the client went away, or the
 * timeout passed): nobody reads their answer, and one quiet line of {@link RequestLimits} says what happened.
 * Left unresolved, Spring for GraphQL logs each at ERROR with its stack trace (ADR 50; issue 16 counted
 * 39,578 of them in one benchmark run).
 */
@Component
public class CancelledFields extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return ex instanceof CancellationException
                ? GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR)
                        .message("The request was cancelled").build()
                : null;
    }
}
