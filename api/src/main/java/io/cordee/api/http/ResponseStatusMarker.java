package io.cordee.api.http;

import io.cordee.api.pipeline.RequestPipeline;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The HTTP status of a GraphQL answer that is not 200: a {@link org.springframework.graphql.server.WebGraphQlInterceptor}
 * sees the response but cannot set its status, so it marks the response with the status it wants (401 for
 * an anonymous caller, 429 for a limit, 503 while the database is away) and this filter applies the mark
 * just before the headers leave, then removes it.
 */
@Component
@Order(RequestPipeline.RESPONSE_STATUS_MARKER)
public class ResponseStatusMarker implements WebFilter {

    static final String HEADER = "X-Cordee-Status";

    /** Answers {@code response} with {@code status} (over HTTP; a WebSocket answer has no status). */
    public static void mark(WebGraphQlResponse response, HttpStatus status) {
        response.getResponseHeaders().set(HEADER, Integer.toString(status.value()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            String status = headers.getFirst(HEADER);
            if (status != null) {
                headers.remove(HEADER);
                exchange.getResponse().setStatusCode(HttpStatus.valueOf(Integer.parseInt(status)));
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
