package io.cordee.api.ops;

import io.cordee.api.http.ResponseStatusMarker;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.cordee.api.pipeline.RequestPipeline;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The database being away becomes one clear answer wherever it is noticed (ADR 18):
 * <ul>
 *   <li>in a data fetcher: the GraphQL error {@code UNAVAILABLE} (message, {@code extensions.code},
 *       {@code retryAfterSeconds}) instead of Spring for GraphQL's opaque {@code INTERNAL_ERROR};</li>
 *   <li>a GraphQL response holding such an error is sent with HTTP 503 and {@code Retry-After}, so that
 *       load balancers, scripts and retry policies see it;</li>
 *   <li>before GraphQL (the session lookup of the authentication filter): the same error as a GraphQL-shaped
 *       503 body, instead of WebFlux's 500.</li>
 * </ul>
 */
public final class DatabaseUnavailableErrors {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableErrors.class);
    /** Set on a GraphQL response that carries {@code UNAVAILABLE}; replaced by the 503 status before it leaves. */

    private DatabaseUnavailableErrors() {
    }

    private static void logOutage(Throwable e) {
        log.warn("Database unavailable: {}", e.toString());
    }

    /** Outside the filter chain the Reactor context is gone: the request id is put back for the one line. */
    private static void logOutage(Throwable e, ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(RequestIds.KEY);
        if (requestId == null) {
            logOutage(e);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.KEY, requestId)) {
            logOutage(e);
        }
    }

    /** Data fetchers: a typed error, logged in one line (a stack trace per request would flood an outage's logs). */
    @Component
    public static class Resolver extends DataFetcherExceptionResolverAdapter {

        @Override
        protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
            if (!DatabaseUnavailable.is(ex)) {
                return null;
            }
            logOutage(ex);
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorClassification.errorClassification(DatabaseUnavailable.CODE))
                    .message(DatabaseUnavailable.MESSAGE)
                    .extensions(DatabaseUnavailable.extensions())
                    .build();
        }
    }

    /** Marks a GraphQL response that holds an {@code UNAVAILABLE} error (its attributes are read-only here). */
    @Component
    @Order(RequestPipeline.DATABASE_UNAVAILABLE_MARKER)
    public static class ResponseMarker implements WebGraphQlInterceptor {

        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            return chain.next(request).doOnNext(response -> {
                if (response.getErrors().stream().anyMatch(e -> DatabaseUnavailable.CODE.equals(
                        e.getExtensions() == null ? null : e.getExtensions().get("code")))) {
                    ResponseStatusMarker.mark(response, HttpStatus.SERVICE_UNAVAILABLE);
                    response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER,
                            Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                }
            });
        }
    }

    /** Failures outside GraphQL (the authentication filter's session lookup): a GraphQL-shaped 503. */
    @Component
    @Order(RequestPipeline.DATABASE_UNAVAILABLE_ANSWER) // before RequestSizeLimit and Spring Boot's error handler
    public static class Handler implements WebExceptionHandler {

        private static final byte[] BODY = ("{\"errors\":[{\"message\":\"" + DatabaseUnavailable.MESSAGE + "\","
                + "\"extensions\":{\"classification\":\"" + DatabaseUnavailable.CODE + "\",\"code\":\""
                + DatabaseUnavailable.CODE + "\",\"retryAfterSeconds\":" + DatabaseUnavailable.RETRY_AFTER_SECONDS
                + "}}]}").getBytes(StandardCharsets.UTF_8);

        @Override
        public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
            if (!DatabaseUnavailable.is(ex) || exchange.getResponse().isCommitted()) {
                return Mono.error(ex);
            }
            logOutage(ex, exchange);
            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(BODY)));
        }
    }
}
