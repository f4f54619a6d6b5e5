package io.cordee.api.graphql.common;

import io.cordee.api.security.Authenticator;
import io.cordee.api.security.CallerAuthentication;
import io.cordee.api.security.SessionCookies;
import io.cordee.core.common.Unauthenticated;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
import reactor.core.publisher.Mono;

/**
 * Who is behind a GraphQL WebSocket (graphql-transport-ws). At {@code connection_init} the session token
 * (a session's or a partner API token's) comes from the payload ({@code {"authorization": "Bearer …"}})
 * or else the handshake's session cookie or {@code Authorization} header; without a valid one the
 * connection is refused (closed with 4401 Unauthorized). The caller is kept with the session and every
 * operation on it runs as that caller, so {@link GraphQlAuthentication}, {@link ApiTokenScopes} and the
 * controllers see it as over HTTP.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    static final String CALLER = "cordee.caller";

    private final Authenticator authenticator;

    public WebSocketAuthentication(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        String token = token(info.getHeaders(), payload);
        if (token == null) {
            return Mono.error(new Unauthenticated("Sign in first: send the session cookie or an authorization token"));
        }
        return authenticator.authenticate(token).doOnNext(caller -> info.getAttributes().put(CALLER, caller))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest ws
                && ws.getSessionInfo().getAttributes().get(CALLER) instanceof CallerAuthentication caller) {
            return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller));
        }
        return chain.next(request);
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
