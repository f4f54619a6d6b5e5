package io.cordee.api.security;

import io.cordee.api.http.GraphQlHttp;
import io.cordee.core.common.Unauthenticated;
import io.cordee.core.identity.IdentityService;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Recognises the caller behind the session token or the partner API token (one indexed lookup).
 *
 * <p>A missing, expired or revoked <em>session</em> leaves the request anonymous: what an anonymous
 * request may do is decided further on. An API token ({@code Authorization: Bearer cordee_pat_…}) is
 * for the GraphQL endpoint and the exports beside it (ADR 42) only — elsewhere (GraphiQL, the app) it is ignored and the request is
 * anonymous — and a token that is unknown, revoked or expired is answered 401 at once with a GraphQL
 * error saying which, since a partner script that keeps going anonymously would only get more
 * confusing errors.
 */
public class SessionAuthenticationFilter implements WebFilter {

    /** The files of ADR 42, read by partner systems with their tokens too. */
    public static final String EXPORTS = "/exports/";
    /** The upload of ADR 49, for partner systems too. */
    public static final String IMPORTS = "/imports";

    private final Authenticator authenticator;
    private final String graphQlPath;

    public SessionAuthenticationFilter(Authenticator authenticator, String graphQlPath) {
        this.authenticator = authenticator;
        this.graphQlPath = graphQlPath;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String apiToken = SessionCookies.apiToken(exchange.getRequest().getHeaders());
        if (apiToken != null) {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            // Tokens open the GraphQL endpoint and the exports beside it (ADR 42), nothing else.
            if (!path.equals(graphQlPath) && !path.equals(graphQlPath + "/schema") && !path.startsWith(EXPORTS) && !path.equals(IMPORTS)
                    && !path.equals(io.cordee.api.imports.AgencyArchiveUploadController.PATH)) {
                return chain.filter(exchange);
            }
            return authenticator.authenticate(apiToken)
                    .map(authentication -> (Object) authentication)
                    .onErrorResume(Unauthenticated.class, Mono::just)
                    .flatMap(result -> result instanceof CallerAuthentication authentication
                            ? chain.filter(exchange).contextWrite(
                                    ReactiveSecurityContextHolder.withAuthentication(authentication))
                            : refuse(exchange, ((Unauthenticated) result).getMessage()));
        }
        String token = SessionCookies.token(exchange.getRequest());
        if (token == null) {
            return chain.filter(exchange);
        }
        return authenticator.authenticateRequest(token)
                .map(Optional::of)
                .onErrorResume(Unauthenticated.class, e -> Mono.just(Optional.empty()))
                .flatMap(caller -> caller.isEmpty() ? chain.filter(exchange)
                        : chain.filter(exchange).contextWrite(
                                ReactiveSecurityContextHolder.withAuthentication(caller.get())));
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, String message) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return GraphQlHttp.write(exchange.getRequest(), exchange.getResponse(), HttpStatus.UNAUTHORIZED, message,
                "UNAUTHORIZED", "UNAUTHENTICATED");
    }
}
