package io.cordee.api.limits;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The errors of a refused request, in the API's usual shape: {@code extensions.classification}, a
 * stable {@code code}, and the numbers the caller needs to fix the request (the limit, what was asked).
 */
final class LimitErrors {

    static final String DEPTH_LIMIT_EXCEEDED = "DEPTH_LIMIT_EXCEEDED";
    static final String COST_LIMIT_EXCEEDED = "COST_LIMIT_EXCEEDED";
    static final String ALIAS_LIMIT_EXCEEDED = "ALIAS_LIMIT_EXCEEDED";
    static final String DOCUMENT_TOO_LONG = "DOCUMENT_TOO_LONG";
    static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    static final String RATE_LIMITED = "RATE_LIMITED";
    static final String TIMEOUT = "TIMEOUT";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LimitErrors() {
    }

    /** A classification by name, for the two that Spring's {@code ErrorType} lacks. */
    record Classification(String name) implements ErrorClassification {
        static final Classification BAD_REQUEST = new Classification("BAD_REQUEST");
        static final Classification RATE_LIMITED = new Classification(LimitErrors.RATE_LIMITED);
        static final Classification TIMEOUT = new Classification(LimitErrors.TIMEOUT);

        @Override
        public String toSpecification(GraphQLError error) {
            return name;
        }
    }

    static GraphQLError error(Classification classification, String code, String message, Object... extensions) {
        return GraphqlErrorBuilder.newError().errorType(classification).message(message)
                .extensions(extensions(code, extensions)).build();
    }

    /** A GraphQL response body with this one error, for answers written outside GraphQL (429, 504). */
    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, Classification classification,
                            String code, String message, Object... extensions) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("classification", classification.name());
        ext.putAll(extensions(code, extensions));
        byte[] body = JSON.writeValueAsString(Map.of("errors", List.of(Map.of("message", message, "extensions", ext))))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static Map<String, Object> extensions(String code, Object... pairs) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            extensions.put((String) pairs[i], pairs[i + 1]);
        }
        return extensions;
    }
}
