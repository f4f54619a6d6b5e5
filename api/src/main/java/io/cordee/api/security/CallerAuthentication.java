package io.cordee.api.security;

import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.ApiTokenGrant;
import io.cordee.core.identity.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a browser session or a partner API token: the principal is the core's
 * {@link Caller}. For a token, the caller is the token's creator with their current role, and
 * {@link #apiToken()} is the token, whose scope limits the mutations it may run.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final ApiToken apiToken;

    public CallerAuthentication(Caller caller) {
        this(caller, null);
    }

    public CallerAuthentication(ApiTokenGrant grant) {
        this(grant.caller(), grant.token());
    }

    private CallerAuthentication(Caller caller, ApiToken apiToken) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
        this.apiToken = apiToken;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The id of the API token behind the request; empty for a browser session. */
    public Optional<UUID> tokenId() {
        return apiToken().map(token -> token.id().value());
    }

    /** The API token behind the request; empty for a browser session. */
    public Optional<ApiToken> apiToken() {
        return Optional.ofNullable(apiToken);
    }
}
