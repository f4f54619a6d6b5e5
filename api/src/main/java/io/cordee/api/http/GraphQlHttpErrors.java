package io.cordee.api.http;

import io.cordee.api.pipeline.RequestPipeline;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.exc.StreamReadException;

/**
 * A request to the GraphQL endpoint that is not a GraphQL request — a body that is not JSON, no
 * {@code query}, a {@code query} that is not a string, an {@code Accept} we cannot serve — is the
 * client's mistake: 400 (or 406) with a GraphQL-shaped error, instead of Spring Boot's generic error
 * page. Nothing has run. Too large a body is {@code RequestSizeLimit}'s.
 */
@Component
@Order(RequestPipeline.GRAPHQL_HTTP_ERRORS_ANSWER) // before Spring Boot's error handler
public class GraphQlHttpErrors implements WebExceptionHandler {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate [A-Za-z ]*?['\"]([^'\"]*)['\"]");

    private final String path;

    public GraphQlHttpErrors(@Value("${spring.graphql.http.path:/graphql}") String path) {
        this.path = path;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted() || isTooLarge(ex)
                || !exchange.getRequest().getPath().pathWithinApplication().value().equals(path)) {
            return Mono.error(ex);
        }
        if (ex instanceof NotAcceptableStatusException) {
            return GraphQlHttp.write(exchange.getRequest(), exchange.getResponse(), HttpStatus.NOT_ACCEPTABLE,
                    "Accept application/graphql-response+json or application/json", "BAD_REQUEST", "NOT_ACCEPTABLE");
        }
        if (ex instanceof ServerWebInputException input) {
            String duplicate = duplicateKey(ex);
            if (duplicate != null) {
                return GraphQlHttp.write(exchange.getRequest(), exchange.getResponse(), HttpStatus.BAD_REQUEST,
                        "The JSON body names the key '" + duplicate + "' twice: each key may appear once",
                        "BAD_REQUEST", "DUPLICATE_KEY");
            }
            String reason = input instanceof GraphQlOverHttp.NotAGraphQlRequest
                    || input.getReason() != null && input.getReason().startsWith("Invalid value for")
                    ? input.getReason() : "The body is not a GraphQL request: send JSON {\"query\": \"…\"}";
            return GraphQlHttp.write(exchange.getRequest(), exchange.getResponse(), HttpStatus.BAD_REQUEST, reason,
                    "BAD_REQUEST", "INVALID_REQUEST");
        }
        if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return GraphQlHttp.write(exchange.getRequest(), exchange.getResponse(), code, code.getReasonPhrase(),
                    "BAD_REQUEST", code.name());
        }
        return Mono.error(ex);
    }

    /** The key of Jackson's duplicate detection ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}), or null. */
    static String duplicateKey(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException && t.getMessage() != null) {
                Matcher m = DUPLICATE.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static boolean isTooLarge(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
