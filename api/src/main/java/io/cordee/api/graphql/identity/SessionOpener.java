package io.cordee.api.graphql.identity;

import graphql.GraphQLContext;
import io.cordee.api.graphql.common.GraphQlAuthentication;
import io.cordee.api.graphql.identity.IdentityController.Viewer;
import io.cordee.api.security.SessionCookies;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.identity.SignedIn;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What every operation that signs a person in gives back (signIn, completeSignIn, setUp, signUp, resetPassword,
 * acceptInvitation): the session cookie set on the answer and the viewer the session opens on.
 */
@Component
public class SessionOpener {

    private final AgencyService agencies;
    private final Clock clock;

    public SessionOpener(AgencyService agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * Sets {@code signedIn}'s cookie (secure when the request was) on the answer and gives its viewer. The cookie's
     * max age is counted by the clock that set the expiry, or a shifted clock (tests) would issue an expired one.
     */
    public Mono<Viewer> open(SignedIn signedIn, GraphQLContext context) {
        boolean secure = Boolean.TRUE.equals(context.get(GraphQlAuthentication.SECURE));
        Duration maxAge = Duration.between(clock.instant(), signedIn.expiresAt());
        context.put(GraphQlAuthentication.SET_COOKIE, SessionCookies.issue(signedIn.token(), maxAge, secure));
        return agencies.current(signedIn.user().asCaller()).map(agency -> new Viewer(signedIn.user(), agency));
    }
}
