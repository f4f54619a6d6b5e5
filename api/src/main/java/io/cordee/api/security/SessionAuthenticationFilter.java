package io.cordee.api.security;

import io.cordee.core.common.Unauthenticated;
import io.cordee.core.identity.IdentityService;
import java.util.Optional;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Recognises the caller behind the session token (one indexed lookup). A missing, expired or revoked
 * token leaves the request anonymous: what an anonymous request may do is decided further on.
 */
public class SessionAuthenticationFilter implements WebFilter {

    private final IdentityService identity;

    public SessionAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String token = SessionCookies.token(exchange.getRequest());
        if (token == null) {
            return chain.filter(exchange);
        }
        return identity.authenticate(token)
                .map(Optional::of)
                .onErrorResume(Unauthenticated.class, e -> Mono.just(Optional.empty()))
                .flatMap(caller -> caller.isEmpty() ? chain.filter(exchange)
                        : chain.filter(exchange).contextWrite(
                                ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller.get()))));
    }
}
