package io.cordee.api.graphql.password;

import graphql.GraphQLContext;
import io.cordee.api.graphql.common.GraphQlAuthentication;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.identity.SessionOpener;
import io.cordee.api.graphql.setup.SetupController.SetUpPayload;
import io.cordee.core.identity.ChangePasswordCommand;
import io.cordee.core.identity.PasswordService;
import io.cordee.core.identity.RequestPasswordResetCommand;
import io.cordee.core.identity.TwoFactorService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Change, forgotten and reset passwords (ADR 39). {@code requestPasswordReset} and {@code resetPassword} are anonymous. */
@Controller
public class PasswordController {

    private static final Logger log = LoggerFactory.getLogger(PasswordController.class);

    public record ChangePasswordInput(String currentPassword, String newPassword) {
    }

    public record ChangePasswordPayload(boolean changed, List<UserError> userErrors) {
    }

    public record RequestPasswordResetInput(String email, String language) {
    }

    public record RequestPasswordResetPayload(boolean requested, List<UserError> userErrors) {
    }

    public record ResetPasswordInput(String token, String newPassword) {
    }

    private final PasswordService passwords;
    private final SessionOpener sessions;
    private final TwoFactorService twoFactor;

    public PasswordController(PasswordService passwords, SessionOpener sessions, TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @MutationMapping
    public Mono<ChangePasswordPayload> changePassword(@Argument ChangePasswordInput input, GraphQLContext context) {
        String token = context.get(GraphQlAuthentication.TOKEN);
        return Mutations.asCaller(caller -> passwords.change(caller, token,
                                new ChangePasswordCommand(input.currentPassword(), input.newPassword()))
                        .thenReturn(true),
                changed -> new ChangePasswordPayload(true, List.of()),
                errors -> new ChangePasswordPayload(false, errors));
    }

    @MutationMapping
    public Mono<RequestPasswordResetPayload> requestPasswordReset(@Argument RequestPasswordResetInput input) {
        // The answer waits for the admission only (the same for every address); the look-up and the mail run
        // detached, so neither the answer nor its timing tells whether the address exists.
        return Mutations.payload(Mono.fromCallable(() -> new RequestPasswordResetCommand(input.email()))
                        .flatMap(passwords::admitReset).then(Mono.fromRunnable(() ->
                                passwords.sendReset(input.email(), input.language()).subscribe(sent -> {
                                    switch (sent.outcome()) {
                                        case MAILED -> log.info("Password reset link mailed");
                                        case NO_SMTP -> log.warn("A password reset was requested but no SMTP server"
                                                + " is configured (spring.mail.host): pass this link on to the person"
                                                + " who asked, it works once for one hour: {}", sent.link());
                                        case UNKNOWN_ADDRESS -> log.info("A password reset was requested for an"
                                                + " address that signs in to no agency: nothing sent");
                                    }
                                }, e -> log.warn("A password reset mail could not be sent: {}", e.toString()))))
                        .thenReturn(true),
                requested -> new RequestPasswordResetPayload(true, List.of()),
                errors -> new RequestPasswordResetPayload(false, errors));
    }

    @MutationMapping
    public Mono<SetUpPayload> resetPassword(@Argument ResetPasswordInput input, GraphQLContext context) {
        return Mutations.payload(passwords.reset(input.token(), input.newPassword())
                        // a mailbox is not a second factor: one may still be due
                        .flatMap(twoFactor::afterProof).flatMap(step -> SetUpPayload.of(step, sessions, context)),
                payload -> payload, errors -> new SetUpPayload(null, null, errors));
    }
}
