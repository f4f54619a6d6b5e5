package io.cordee.api.http;

import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import io.cordee.api.graphql.common.Refusals;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.pipeline.RequestPipeline;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A subscription sent over HTTP POST is told where subscriptions run (ADR 26) — a request error with
 * {@code code: SUBSCRIPTION_OVER_HTTP}, HTTP 400 for {@code application/graphql-response+json} — instead
 * of a 200 whose {@code data} is nothing a client can read. Only a document that says
 * {@code subscription} is parsed.
 */
@Component
@Order(RequestPipeline.SUBSCRIPTIONS_OVER_WEBSOCKET)
public class SubscriptionsOverWebSocket implements WebGraphQlInterceptor {

    public static final String SUBSCRIPTION_OVER_HTTP = "SUBSCRIPTION_OVER_HTTP";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest || !isSubscription(request)) {
            return chain.next(request);
        }
        return Mono.just(Refusals.answer(request, GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message("Subscriptions run over WebSocket (graphql-transport-ws) at " + request.getUri().getPath()
                        + ", not over HTTP POST")
                .extensions(Map.of("code", SUBSCRIPTION_OVER_HTTP)).build()));
    }

    /** Whether the operation the request runs is a subscription. */
    static boolean isSubscription(WebGraphQlRequest request) {
        if (!request.getDocument().contains("subscription")) {
            return false;
        }
        OperationDefinition chosen = RequestDocuments.operation(request.getDocument(), request.getOperationName());
        return chosen != null && chosen.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
    }
}
