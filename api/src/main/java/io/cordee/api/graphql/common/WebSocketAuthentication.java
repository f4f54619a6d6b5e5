package io.cordee.api.graphql.common;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.limits.LimitsProperties;
import io.cordee.api.limits.WebSocketLimits;
import io.cordee.api.ops.DatabaseUnavailable;
import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.security.Authenticator;
import io.cordee.api.security.SessionCookies;
import io.cordee.api.websocket.WebSocketConnection;
import io.cordee.api.websocket.WebSocketConnections;
import io.cordee.core.common.DomainException;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.Unauthenticated;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rules of a GraphQL WebSocket (graphql-transport-ws), the same as HTTP's (ADR 13, ADR 22).
 *
 * <p>At {@code connection_init} the session token (a session's or a partner API token's) comes from the
 * payload ({@code {"authorization": "Bearer …"}}) or else the handshake's session cookie or
 * {@code Authorization} header; without a valid one the connection is refused (closed with 4401), and a
 * user already holding {@code cordee.limits.websocket.connections-per-user} sockets here gets 4429. The
 * connection is then registered ({@link WebSocketConnections}) so that access changes notified by
 * PostgreSQL close it.
 *
 * <p>Every operation, in this order: takes one from the connection's and the user's operation buckets
 * ({@code RATE_LIMITED}); has its session or token checked again against the database, as HTTP checks
 * every request — no longer valid (signed out, revoked, expired, deactivated) → the HTTP error
 * ({@code UNAUTHORIZED}, code {@code UNAUTHENTICATED}) and the connection closed with 4401; the role or
 * client changed → {@code FORBIDDEN} and closed with 4403, the client reconnects with its new rights; is
 * refused if the document holds a mutation ({@code signIn} included: mutations go over HTTP POST, where
 * idempotency keys, the per-address sign-in limit and the audit's request id apply); and, for a
 * subscription, must find a place under the open-subscription limits. It then runs as the caller just
 * checked, so {@link GraphQlAuthentication}, {@link ApiTokenScopes} and the controllers see it as over HTTP.
 */
@Component
@Order(RequestPipeline.WEBSOCKET_AUTHENTICATION)
public class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    static final String MUTATION_OVER_WEBSOCKET = "MUTATION_OVER_WEBSOCKET";

    private final Authenticator authenticator;
    private final WebSocketConnections connections;
    private final WebSocketLimits limits;
    private final LimitsProperties requestLimits;

    public WebSocketAuthentication(Authenticator authenticator, WebSocketConnections connections,
                                   WebSocketLimits limits, LimitsProperties requestLimits) {
        this.authenticator = authenticator;
        this.connections = connections;
        this.limits = limits;
        this.requestLimits = requestLimits;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        String token = token(info.getHeaders(), payload);
        if (token == null) {
            return Mono.error(new Unauthenticated("Sign in first: send the session cookie or an authorization token"));
        }
        return authenticator.authenticate(token)
                .flatMap(caller -> connections.open(info.getAttributes(), token, caller, limits.newConnectionBucket(),
                                limits.properties().connectionsPerUser())
                        .map(connection -> Mono.empty())
                        // already closed with 4429 and its reason; the handler's own close (4401) comes second
                        .orElseGet(() -> Mono.error(new Unauthenticated("Too many connections"))))
                .then(Mono.empty());
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo info, int statusCode, Map<String, Object> payload) {
        connections.closed(info.getAttributes());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest ws)) {
            return chain.next(request);
        }
        Optional<WebSocketConnection> found = WebSocketConnections.of(ws.getSessionInfo().getAttributes());
        if (found.isEmpty()) {
            return Mono.just(Refusals.answer(request,
                    error(ErrorType.UNAUTHORIZED, new Unauthenticated("Sign in first"))));
        }
        WebSocketConnection connection = found.get();
        if (connection.isClosing()) {
            return Mono.just(Refusals.answer(request, error(ErrorType.UNAUTHORIZED,
                    new Unauthenticated("This connection is closing: open a new one"))));
        }
        Optional<GraphQLError> rateLimited = limits.refuseOperation(connection.operations(), connection.userId());
        if (rateLimited.isPresent()) {
            return Mono.just(Refusals.answer(request, rateLimited.get()));
        }
        return connections.check(connection)
                .onErrorResume(DatabaseUnavailable::is, e -> Mono.empty())
                .flatMap(check -> checked(ws, chain, connection, check))
                .switchIfEmpty(Mono.fromSupplier(() -> Refusals.answer(request, unavailable())));
    }

    /** The operation once its connection's session or token has been checked again. */
    private Mono<WebGraphQlResponse> checked(WebSocketGraphQlRequest request, Chain chain,
                                             WebSocketConnection connection, WebSocketConnections.Check check) {
        if (!check.passed()) {
            connection.closeAfter(request.getId(), check.closeCode(), check.reason());
            ErrorType type = check.error() instanceof Forbidden ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED;
            return Mono.just(Refusals.answer(request, error(type, check.error())));
        }
        if (holdsMutation(request.getDocument())) {
            return Mono.just(Refusals.answer(request, GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                    .message("Mutations go over HTTP POST to /graphql, not over the WebSocket"
                            + " (signIn included); the WebSocket is for subscriptions and queries")
                    .extensions(Map.of("code", MUTATION_OVER_WEBSOCKET)).build()));
        }
        return chain.next(request)
                .map(response -> admitSubscription(request, response, connection))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(check.current()));
    }

    /**
     * The database cannot say whether the session still holds: the operation is refused as over HTTP
     * ({@code UNAVAILABLE}, ADR 18) and the socket stays open (an error out of an interceptor would end it).
     */
    private static GraphQLError unavailable() {
        return GraphqlErrorBuilder.newError().errorType(ErrorClassification.errorClassification(DatabaseUnavailable.CODE))
                .message(DatabaseUnavailable.MESSAGE).extensions(DatabaseUnavailable.extensions()).build();
    }

    /**
     * A subscription's answer is its stream of events, not yet subscribed to: it is given a place under
     * the limits (released when the stream ends, is cancelled, or the connection closes), or refused
     * before anything of it runs.
     */
    private WebGraphQlResponse admitSubscription(WebGraphQlRequest request, WebGraphQlResponse response,
                                                 WebSocketConnection connection) {
        if (!(response.getData() instanceof Publisher<?> events)) {
            return response;
        }
        WebSocketLimits.Admission admission = limits.openSubscription(connection.subscriptions(), connection.userId());
        if (admission.slot() == null) {
            return Refusals.answer(request, admission.refusal());
        }
        Flux<?> guarded = Flux.from(events).doFinally(signal -> admission.slot().release());
        return response.transform(builder -> builder.data(guarded));
    }

    /**
     * Whether any operation of the document is a mutation: the whole document is refused, as a GET with
     * a mutation is (ADR 14). A document too long to parse is left to {@code RequestLimits}, which refuses it.
     */
    static boolean holdsMutation(String document, int maxLength) {
        if (document == null || document.length() > maxLength) {
            return false;
        }
        return RequestDocuments.parsed(document) // empty: graphql-java answers the syntax error, and nothing runs
                .map(parsed -> parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                        .anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION))
                .orElse(false);
    }

    private boolean holdsMutation(String document) {
        return holdsMutation(document, requestLimits.maxDocumentLength());
    }

    private static GraphQLError error(ErrorType type, DomainException e) {
        return GraphqlErrorBuilder.newError().errorType(type).message(e.getMessage())
                .extensions(Map.of("code", e.code().name())).build();
    }

    /** The token of the {@code connection_init} payload, else of the handshake (cookie or header). */
    static String token(HttpHeaders handshake, Map<String, Object> payload) {
        Object authorization = payload == null ? null : payload.get("authorization");
        if (authorization == null && payload != null) {
            authorization = payload.get("Authorization");
        }
        if (authorization instanceof String s && !s.isBlank()) {
            String value = s.strip();
            return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
        }
        String apiToken = SessionCookies.apiToken(handshake);
        if (apiToken != null) {
            return apiToken;
        }
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        for (String header : handshake.getOrEmpty(HttpHeaders.COOKIE)) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).strip();
                    cookies.add(name, new HttpCookie(name, pair.substring(eq + 1).strip()));
                }
            }
        }
        return SessionCookies.token(handshake, cookies);
    }
}
