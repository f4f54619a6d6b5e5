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

    public Authenticator(IdentityService identity, ApiTokenService apiTokens) {
        this.identity = identity;
        this.apiTokens = apiTokens;
    }

    /** The authentication of {@code token}, or an {@code Unauthenticated} error. */
    public Mono<CallerAuthentication> authenticate(String token) {
        return ApiTokenService.isApiToken(token) ? apiTokens.authenticate(token).map(CallerAuthentication::new)
                : identity.authenticate(token).map(CallerAuthentication::new);
    }
}
