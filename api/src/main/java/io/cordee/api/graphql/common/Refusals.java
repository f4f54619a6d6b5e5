package io.cordee.api.graphql.common;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * The answer to a request refused before anything of it ran (a limit, the sign-in gate, a token's scopes, a
 * WebSocket check): a GraphQL response that holds only the error, no data.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A GraphQL answer holding only {@code error}: nothing of the request ran. */
    public static WebGraphQlResponse answer(WebGraphQlRequest request, GraphQLError error) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
