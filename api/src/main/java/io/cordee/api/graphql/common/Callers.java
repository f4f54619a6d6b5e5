package io.cordee.api.graphql.common;

import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.Unauthenticated;
import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/** The caller of the current request, as the session filter recognised it. */
public final class Callers {

    private Callers() {
    }

    /** The caller, or an {@link Unauthenticated} error. */
    public static Mono<Caller> current() {
        return optional().switchIfEmpty(Mono.error(() -> new Unauthenticated("Sign in first")));
    }

    /**
     * The caller, if they came with a browser session: what only a person signed in may do ({@code action}: manage
     * API tokens, invite people…) is {@link Forbidden} with a partner API token.
     */
    public static Mono<Caller> signedInPerson(String action) {
        return viaApiToken().flatMap(viaToken -> viaToken
                ? Mono.error(new Forbidden("An API token cannot " + action + ": sign in as an owner"))
                : current());
    }

    /** Whether the request came with a partner API token (rather than a browser session). */
    public static Mono<Boolean> viaApiToken() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .ofType(CallerAuthentication.class)
                .map(auth -> auth.apiToken().isPresent())
                .defaultIfEmpty(false);
    }

    /** The partner API token the request came with; empty for a browser session or an anonymous request. */
    public static Mono<ApiToken> apiToken() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .ofType(CallerAuthentication.class)
                .flatMap(auth -> Mono.justOrEmpty(auth.apiToken()));
    }

    /** The caller, or empty for an anonymous request. */
    public static Mono<Caller> optional() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .map(Authentication::getPrincipal)
                .ofType(Caller.class);
    }
}
