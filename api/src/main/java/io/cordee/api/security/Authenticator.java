package io.cordee.api.security;

import io.cordee.core.identity.ApiTokenService;
import io.cordee.core.identity.IdentityService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is behind a bearer value: a partner API token ({@code cordee_pat_…}) or a browser session token.
 * One place for HTTP requests and GraphQL WebSocket connections alike.
 */
@Component
public class Authenticator {

    private final IdentityService identity;
    private final ApiTokenService apiTokens;
    private final SessionCache sessions;

    public Authenticator(IdentityService identity, ApiTokenService apiTokens, SessionCache sessions) {
        this.identity = identity;
        this.apiTokens = apiTokens;
        this.sessions = sessions;
    }

    /**
     * As {@link #authenticate}, a session's caller possibly kept a few seconds ({@link SessionCache}, ADR 50):
     * for HTTP requests. A WebSocket operation and its re-checks always ask the database (ADR 22).
     */
    public Mono<CallerAuthentication> authenticateRequest(String token) {
        return ApiTokenService.isApiToken(token) ? authenticate(token)
                : sessions.caller(token, () -> identity.authenticate(token)).map(CallerAuthentication::new);
    }

    /** The authentication of {@code token}, or an {@code Unauthenticated} error. */
    public Mono<CallerAuthentication> authenticate(String token) {
        return ApiTokenService.isApiToken(token) ? apiTokens.authenticate(token).map(CallerAuthentication::new)
                : identity.authenticate(token).map(CallerAuthentication::new);
    }
}
