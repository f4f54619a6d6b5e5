package io.cordee.api.graphql.identity;

import graphql.GraphQLContext;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.GraphQlAuthentication;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.security.SessionCookies;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.identity.SignedIn;
import io.cordee.core.identity.TwoFactorService;
import io.cordee.core.identity.User;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class IdentityController {

    public record Viewer(User user, Agency agency) {
    }

    public record SignInInput(String email, String password) {
    }

    public record SignInPayload(Viewer viewer, OffsetDateTime expiresAt, List<UserError> userErrors,
                                SecondFactorChallenge secondFactor) {
        public SignInPayload(Viewer viewer, OffsetDateTime expiresAt, List<UserError> userErrors) {
            this(viewer, expiresAt, userErrors, null);
        }
    }

    /** A second factor is due (ADR 44); {@code enrolment} when the agency requires one the user does not have yet. */
    public record SecondFactorChallenge(String challenge, OffsetDateTime expiresAt,
                                        TwoFactorService.Enrolment enrolment) {
    }

    public record SignOutPayload(boolean signedOut) {
    }

    private final IdentityService identity;
    private final TwoFactorService twoFactor;
    private final AgencyService agencies;
    private final ClientService clients;
    private final SessionOpener sessions;

    public IdentityController(IdentityService identity, TwoFactorService twoFactor, AgencyService agencies,
                              ClientService clients, SessionOpener sessions) {
        this.identity = identity;
        this.twoFactor = twoFactor;
        this.agencies = agencies;
        this.clients = clients;
        this.sessions = sessions;
    }

    @QueryMapping
    public Mono<Viewer> viewer() {
        return Callers.current().flatMap(caller -> Mono.zip(identity.viewer(caller), agencies.current(caller),
                Viewer::new));
    }

    @MutationMapping
    public Mono<SignInPayload> signIn(@Argument SignInInput input, GraphQLContext context) {
        return Mutations.payload(
                twoFactor.signIn(input.email(), input.password()).flatMap(step -> {
                    if (step instanceof TwoFactorService.SecondFactorDue due) {
                        return Mono.just(new SignInPayload(null, null, List.of(), new SecondFactorChallenge(
                                due.challenge(), DateTimes.utc(due.expiresAt()), due.enrolment())));
                    }
                    SignedIn signedIn = ((TwoFactorService.SignedInStep) step).signedIn();
                    return sessions.open(signedIn, context).map(viewer -> new SignInPayload(viewer,
                            DateTimes.utc(signedIn.expiresAt()), List.of()));
                }),
                payload -> payload,
                errors -> new SignInPayload(null, null, errors));
    }

    @MutationMapping
    public Mono<SignOutPayload> signOut(GraphQLContext context) {
        String token = context.get(GraphQlAuthentication.TOKEN);
        boolean secure = Boolean.TRUE.equals(context.get(GraphQlAuthentication.SECURE));
        return identity.signOut(token)
                .then(Mono.fromRunnable(() -> context.put(GraphQlAuthentication.SET_COOKIE,
                        SessionCookies.clear(secure))))
                .thenReturn(new SignOutPayload(true));
    }

    @SchemaMapping(typeName = "User")
    public Mono<Client> client(User user) {
        if (user.clientId() == null) {
            return Mono.empty();
        }
        return Callers.current().flatMap(caller -> clients.find(caller, user.clientId()));
    }
}
