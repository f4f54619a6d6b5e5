package io.cordee.api.http;

import graphql.language.OperationDefinition;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.pipeline.RequestPipeline;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the GraphQL endpoint, after the GraphQL over HTTP draft
 * (https://graphql.github.io/graphql-over-http/draft/), in front of Spring for GraphQL's POST handler:
 *
 * <ul>
 *   <li>{@code GET /graphql?query=…&variables=…&operationName=…} runs a <em>query</em>: it is checked
 *       here and handed on as the equivalent JSON POST, so it meets exactly the same authentication,
 *       limits and interceptors. A document that holds a mutation or subscription is refused 405 (Allow:
 *       POST) before anything runs: GET never changes anything, so a link or an image cannot make a
 *       signed-in browser write (and the session cookie is SameSite=Strict besides).</li>
 *   <li>POST needs {@code Content-Type: application/json} (or the legacy {@code application/graphql});
 *       anything else — a cross-site form's {@code text/plain} or urlencoded body — is 415 and never
 *       reaches GraphQL.</li>
 *   <li>An {@code Accept} header that takes no JSON is 406. Other methods are 405; a WebSocket
 *       handshake (GET with {@code Upgrade}) and CORS preflights
 *       pass untouched.</li>
 * </ul>
 * Errors are GraphQL-shaped, in the media type the client accepts ({@link GraphQlHttp}).
 */
@Component
@Order(RequestPipeline.GRAPHQL_OVER_HTTP) // before Spring Security's filter chain (-100): a refused request is never authenticated
public class GraphQlOverHttp implements WebFilter {

    private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final List<MediaType> ANSWERS = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
            MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);

    private final String path;

    public GraphQlOverHttp(@Value("${spring.graphql.http.path:/graphql}") String path) {
        this.path = path;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().pathWithinApplication().value().equals(path)) {
            return chain.filter(exchange);
        }
        HttpMethod method = request.getMethod();
        boolean graphQlRequest = HttpMethod.POST.equals(method)
                || HttpMethod.GET.equals(method) && request.getHeaders().getUpgrade() == null;
        if (graphQlRequest && !acceptsGraphQl(request)) {
            return refuse(exchange, HttpStatus.NOT_ACCEPTABLE,
                    "Accept application/graphql-response+json or application/json", "NOT_ACCEPTABLE");
        }
        if (HttpMethod.POST.equals(method)) {
            return isGraphQlContent(request) ? chain.filter(exchange.mutate().request(new JsonObjectBody(request)).build())
                    : refuse(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request as POST with"
                            + " Content-Type: application/json and a body {\"query\": …, \"variables\": …}",
                            "UNSUPPORTED_MEDIA_TYPE");
        }
        if (HttpMethod.GET.equals(method)) {
            if (request.getHeaders().getUpgrade() != null) {
                return chain.filter(exchange); // the WebSocket handshake of subscriptions
            }
            return get(exchange, chain);
        }
        if (HttpMethod.OPTIONS.equals(method) || HttpMethod.HEAD.equals(method)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().setAllow(java.util.Set.of(HttpMethod.GET, HttpMethod.POST));
        return refuse(exchange, HttpStatus.METHOD_NOT_ALLOWED, "The GraphQL endpoint takes GET (queries) and POST",
                "METHOD_NOT_ALLOWED");
    }

    private Mono<Void> get(ServerWebExchange exchange, WebFilterChain chain) {
        MultiValueMap<String, String> params = exchange.getRequest().getQueryParams();
        String query = params.getFirst("query");
        if (query == null || query.isBlank()) {
            return refuse(exchange, HttpStatus.BAD_REQUEST, "The 'query' parameter is required", "INVALID_REQUEST");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (params.getFirst("operationName") != null) {
            body.put("operationName", params.getFirst("operationName"));
        }
        for (String name : new String[] {"variables", "extensions"}) {
            String value = params.getFirst(name);
            if (value != null && !value.isBlank()) {
                Object parsed;
                try {
                    parsed = JSON.readValue(value, Object.class);
                } catch (JacksonException e) {
                    parsed = null;
                }
                if (!(parsed instanceof Map)) {
                    return refuse(exchange, HttpStatus.BAD_REQUEST,
                            "The '" + name + "' parameter must be a JSON object", "INVALID_REQUEST");
                }
                body.put(name, parsed);
            }
        }
        if (changesAnything(query)) {
            exchange.getResponse().getHeaders().setAllow(java.util.Set.of(HttpMethod.POST));
            return refuse(exchange, HttpStatus.METHOD_NOT_ALLOWED,
                    "GET runs queries only: send mutations and subscriptions as POST", "METHOD_NOT_ALLOWED");
        }
        byte[] json = JSON.writeValueAsBytes(body);
        ServerHttpRequest post = exchange.getRequest().mutate().method(HttpMethod.POST).headers(headers -> {
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setContentLength(json.length);
        }).build();
        ServerHttpRequest withBody = new ServerHttpRequestDecorator(post) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(json)));
            }
        };
        return chain.filter(exchange.mutate().request(withBody).build());
    }

    /**
     * Whether the document holds any operation that is not a query. The whole document is refused, not
     * only the operation {@code operationName} names: simpler to reason about, and no GET needs both.
     * A document that does not parse changes nothing; GraphQL answers its syntax error.
     */
    static boolean changesAnything(String query) {
        return RequestDocuments.parsed(query)
                .map(document -> document.getDefinitionsOfType(OperationDefinition.class).stream()
                        .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY))
                .orElse(false);
    }

    /** No {@code Accept}, or one that takes a JSON answer (or the event stream of GraphQL over SSE). */
    private static boolean acceptsGraphQl(ServerHttpRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.getHeaders().getAccept();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return accepted.isEmpty()
                || accepted.stream().anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
    }

    private static boolean isGraphQlContent(ServerHttpRequest request) {
        MediaType contentType;
        try {
            contentType = request.getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return contentType != null
                && (MediaType.APPLICATION_JSON.includes(contentType) || APPLICATION_GRAPHQL.includes(contentType));
    }

    /**
     * A POST body must be a JSON object (GraphQL over HTTP): an empty or blank body, or JSON that is not an
     * object ({@code null}, {@code []}, {@code 5}), is answered 400 by {@link GraphQlHttpErrors} — without
     * this, Spring for GraphQL reads an empty body as no request and answers 200 with nothing. The body
     * streams through untouched; only its first significant byte is looked at.
     */
    static final class JsonObjectBody extends ServerHttpRequestDecorator {

        private final boolean json;

        JsonObjectBody(ServerHttpRequest request) {
            super(request);
            MediaType type = request.getHeaders().getContentType();
            this.json = type != null && MediaType.APPLICATION_JSON.includes(type);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            int[] first = {-1}; // the first byte that is not whitespace (nor a UTF-8 byte order mark)
            return super.getBody().doOnNext(buffer -> {
                        for (int i = buffer.readPosition(); first[0] < 0 && i < buffer.writePosition(); i++) {
                            int b = buffer.getByte(i) & 0xFF;
                            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0xEF && b != 0xBB && b != 0xBF) {
                                first[0] = b;
                            }
                        }
                    })
                    .concatWith(Flux.defer(() -> first[0] < 0 ? Flux.error(new NotAGraphQlRequest(
                            "The body is empty: send JSON {\"query\": \"…\"}")) : Flux.empty()))
                    .handle((buffer, sink) -> {
                        if (json && first[0] >= 0 && first[0] != '{') {
                            org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                            sink.error(new NotAGraphQlRequest("The body is not a JSON object: send {\"query\": \"…\"}"));
                        } else {
                            sink.next(buffer);
                        }
                    });
        }
    }

    /** A body that is no GraphQL request; its reason is the answer's message. */
    public static final class NotAGraphQlRequest extends org.springframework.web.server.ServerWebInputException {

        public NotAGraphQlRequest(String reason) {
            super(reason);
        }
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String message, String code) {
        return GraphQlHttp.write(exchange.getRequest(), exchange.getResponse(), status, message, "BAD_REQUEST", code);
    }
}
