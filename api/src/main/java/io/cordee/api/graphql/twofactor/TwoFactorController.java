package io.cordee.api.graphql.twofactor;

import graphql.GraphQLContext;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.identity.IdentityController.Viewer;
import io.cordee.api.graphql.identity.SessionOpener;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.identity.CompleteSignInCommand;
import io.cordee.core.identity.DisableTwoFactorCommand;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.SetTwoFactorRequirementCommand;
import io.cordee.core.identity.TwoFactorService;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Two-factor sign-in (ADR 44): the second step of sign-in, enrolment, and the agency's requirement. */
@Controller
public class TwoFactorController {

    public record CompleteSignInInput(String challenge, String code, String recoveryCode) {
    }

    public record CompleteSignInPayload(Viewer viewer, OffsetDateTime expiresAt, List<String> recoveryCodes,
                                        List<UserError> userErrors) {
    }

    public record StartTwoFactorEnrolmentPayload(TwoFactorService.Enrolment enrolment, List<UserError> userErrors) {
    }

    public record ConfirmTwoFactorEnrolmentInput(String code) {
    }

    public record RecoveryCodesPayload(List<String> recoveryCodes, List<UserError> userErrors) {
    }

    public record DisableTwoFactorInput(String password, String code) {
    }

    public record DisableTwoFactorPayload(boolean disabled, List<UserError> userErrors) {
    }

    public record SetTwoFactorRequirementInput(long version, List<Role> roles) {
    }

    public record SetTwoFactorRequirementPayload(Agency agency, List<UserError> userErrors) {
    }

    private final TwoFactorService twoFactor;
    private final AgencyService agencies;
    private final SessionOpener sessions;

    public TwoFactorController(TwoFactorService twoFactor, AgencyService agencies, SessionOpener sessions) {
        this.twoFactor = twoFactor;
        this.agencies = agencies;
        this.sessions = sessions;
    }

    @QueryMapping
    public Mono<TwoFactorService.Status> twoFactor() {
        return Callers.current().flatMap(twoFactor::status);
    }

    @MutationMapping
    public Mono<CompleteSignInPayload> completeSignIn(@Argument CompleteSignInInput input, GraphQLContext context) {
        return Mutations.payload(Mono.fromCallable(() -> new CompleteSignInCommand(input.challenge(), input.code(),
                                input.recoveryCode())).flatMap(twoFactor::completeSignIn)
                        .flatMap(done -> sessions.open(done.signedIn(), context).map(viewer ->
                                new CompleteSignInPayload(viewer, DateTimes.utc(done.signedIn().expiresAt()),
                                        done.recoveryCodes(), List.of()))),
                payload -> payload, errors -> new CompleteSignInPayload(null, null, List.of(), errors));
    }

    @MutationMapping
    public Mono<StartTwoFactorEnrolmentPayload> startTwoFactorEnrolment() {
        return Mutations.asCaller(twoFactor::start,
                StartTwoFactorEnrolmentPayload::new);
    }

    @MutationMapping
    public Mono<RecoveryCodesPayload> confirmTwoFactorEnrolment(@Argument ConfirmTwoFactorEnrolmentInput input) {
        return Mutations.asCaller(caller -> twoFactor.confirm(caller, input.code()),
                codes -> new RecoveryCodesPayload(codes, List.of()),
                errors -> new RecoveryCodesPayload(List.of(), errors));
    }

    @MutationMapping
    public Mono<DisableTwoFactorPayload> disableTwoFactor(@Argument DisableTwoFactorInput input) {
        return Mutations.asCaller(caller -> twoFactor.disable(caller,
                        new DisableTwoFactorCommand(input.password(), input.code())).thenReturn(true),
                done -> new DisableTwoFactorPayload(true, List.of()),
                errors -> new DisableTwoFactorPayload(false, errors));
    }

    @MutationMapping
    public Mono<RecoveryCodesPayload> regenerateRecoveryCodes() {
        return Mutations.asCaller(twoFactor::regenerateRecoveryCodes,
                codes -> new RecoveryCodesPayload(codes, List.of()),
                errors -> new RecoveryCodesPayload(List.of(), errors));
    }

    @MutationMapping
    public Mono<SetTwoFactorRequirementPayload> setTwoFactorRequirement(@Argument SetTwoFactorRequirementInput input) {
        return Mutations.asCaller(caller -> twoFactor.setRequirement(caller,
                                new SetTwoFactorRequirementCommand(input.roles() == null ? null
                                        : Set.copyOf(input.roles()), input.version()))
                        .then(agencies.current(caller)),
                SetTwoFactorRequirementPayload::new);
    }

    @SchemaMapping(typeName = "Agency")
    public Mono<List<Role>> requireTwoFactorFor(Agency agency) {
        return Callers.current().flatMap(caller -> twoFactor.requiredRoles(caller))
                .map(roles -> roles.stream().sorted().toList());
    }
}
