package io.cordee.api.graphql.setup;

import graphql.GraphQLContext;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.GraphQlAuthentication;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.api.graphql.identity.IdentityController;
import io.cordee.api.graphql.identity.IdentityController.Viewer;
import io.cordee.api.graphql.identity.SessionOpener;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.setup.SetupTokenFile;
import io.cordee.core.identity.SignedIn;
import io.cordee.core.setup.NewAgency;
import io.cordee.core.setup.SetupService;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** First-run setup and sign-up (ADR 27): anonymous operations, let through by {@link GraphQlAuthentication}. */
@Controller
public class SetupController {

    public record SetupStatus(boolean needed, boolean signupOpen) {
    }

    public record SetUpInput(String setupToken, String agencyName, String country, String currency, String timeZone,
                             String language, String ownerName, String email, String password) {
        NewAgency toNewAgency() {
            return new NewAgency(agencyName, country, currency, timeZone, language, ownerName, email, password);
        }
    }

    public record SignUpInput(String agencyName, String country, String currency, String timeZone,
                              String language, String ownerName, String email, String password) {
        NewAgency toNewAgency() {
            return new NewAgency(agencyName, country, currency, timeZone, language, ownerName, email, password);
        }
    }

    public record SetUpPayload(Viewer viewer, OffsetDateTime expiresAt, List<UserError> userErrors,
                               IdentityController.SecondFactorChallenge secondFactor) {
        public SetUpPayload(Viewer viewer, OffsetDateTime expiresAt, List<UserError> userErrors) {
            this(viewer, expiresAt, userErrors, null);
        }

        /** No session yet: a second factor is due (ADR 44). */
        public static SetUpPayload secondFactor(io.cordee.core.identity.TwoFactorService.SecondFactorDue due) {
            return new SetUpPayload(null, null, List.of(), new IdentityController.SecondFactorChallenge(
                    due.challenge(), DateTimes.utc(due.expiresAt()), due.enrolment()));
        }

        /** A proof that signs in (a reset link, an accepted invitation): the new session, or the second factor due. */
        public static Mono<SetUpPayload> of(io.cordee.core.identity.TwoFactorService.SignInStep step,
                                            SessionOpener sessions, GraphQLContext context) {
            return step instanceof io.cordee.core.identity.TwoFactorService.SecondFactorDue due
                    ? Mono.just(secondFactor(due))
                    : of(((io.cordee.core.identity.TwoFactorService.SignedInStep) step).signedIn(), sessions, context);
        }

        /** The new session: its cookie set on the answer, its viewer and expiry. */
        public static Mono<SetUpPayload> of(SignedIn signedIn, SessionOpener sessions, GraphQLContext context) {
            return sessions.open(signedIn, context).map(viewer -> new SetUpPayload(viewer,
                    DateTimes.utc(signedIn.expiresAt()), List.of()));
        }
    }

    private final SetupService setup;
    private final ObjectProvider<SetupTokenFile> tokenFile;
    private final SessionOpener sessions;

    public SetupController(SetupService setup, ObjectProvider<SetupTokenFile> tokenFile, SessionOpener sessions) {
        this.setup = setup;
        this.tokenFile = tokenFile;
        this.sessions = sessions;
    }

    @QueryMapping
    public Mono<SetupStatus> setupStatus() {
        return setup.needed().map(needed -> new SetupStatus(needed, setup.signupOpen()));
    }

    @MutationMapping
    public Mono<SetUpPayload> setUp(@Argument SetUpInput input, GraphQLContext context) {
        return signedIn(notSignedIn().then(setup.setUp(input.setupToken(), input.toNewAgency())
                .doOnNext(done -> tokenFile.ifAvailable(SetupTokenFile::delete))), context);
    }

    @MutationMapping
    public Mono<SetUpPayload> signUp(@Argument SignUpInput input, GraphQLContext context) {
        return signedIn(notSignedIn().then(setup.signUp(input.toNewAgency())), context);
    }

    /**
     * A signed-in session asking for setup or sign-up would create a second agency and a second account beside
     * the one in use: refused with ALREADY_SIGNED_IN, nothing created (the setup token stays valid).
     */
    private static Mono<Void> notSignedIn() {
        return Callers.optional().flatMap(caller -> Mono.<Void>error(InvalidInput.of("email",
                "You are signed in: sign out before setting up or signing up another agency",
                ErrorCode.ALREADY_SIGNED_IN)));
    }

    /** The new owner's session cookie, as signIn sets it. */
    private Mono<SetUpPayload> signedIn(Mono<SignedIn> work, GraphQLContext context) {
        return Mutations.payload(work.flatMap(signedIn -> SetUpPayload.of(signedIn, sessions, context)),
                payload -> payload,
                errors -> new SetUpPayload(null, null, errors));
    }
}
