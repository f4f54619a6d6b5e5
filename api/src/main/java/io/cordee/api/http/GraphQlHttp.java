package io.cordee.api.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP answers written outside Spring for GraphQL's handler (a refused method, media type,
 * token or body): a GraphQL-shaped {@code {"errors": [...]}} body in the media type the client asked
 * for, by the same rule as the handler's answers — {@code application/graphql-response+json} when the
 * {@code Accept} header names it, {@code application/json} for legacy clients.
 */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlHttp() {
    }

    public static MediaType responseMediaType(ServerHttpRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.getHeaders().getAccept();
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_JSON;
        }
        return accepted.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaTypes.APPLICATION_GRAPHQL_RESPONSE))
                ? MediaTypes.APPLICATION_GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
    }

    /** {@code {"errors":[{"message":…,"extensions":{"classification":…,"code":…}}]}}. */
    public static String errorBody(String message, String classification, String code) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", classification);
        extensions.put("code", code);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        return JSON.writeValueAsString(Map.of("errors", List.of(error)));
    }

    /** Answers {@code status} with one GraphQL error. */
    public static Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response, HttpStatus status,
                                   String message, String classification, String code) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(responseMediaType(request));
        byte[] body = errorBody(message, classification, code).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
