package io.cordee.api.graphql.common;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.List;
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
        return answer(request, List.of(error));
    }

    /** A GraphQL answer holding only {@code errors}, in their order: nothing of the request ran. */
    public static WebGraphQlResponse answer(WebGraphQlRequest request, List<GraphQLError> errors) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addErrors(errors).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
