package io.cordee.api.graphql.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Unauthenticated;
import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.ApiTokenAccess;
import io.cordee.core.identity.ApiTokenGrant;
import io.cordee.core.identity.ApiTokenId;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** How a mutation answers for the caller of the request: its payload, user errors, or a GraphQL error. */
class MutationsTest {

    record Payload(String result, List<UserError> userErrors) {
    }

    private final Caller owner = new Caller(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()),
            Role.OWNER, null);

    @Test
    void theCallersWorkAnswersItsPayload() {
        StepVerifier.create(asCaller(caller -> Mono.just("done by " + caller.role()))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(owner))))
                .expectNext(new Payload("done by OWNER", List.of()))
                .verifyComplete();
    }

    /** An id that does not decode throws while the work is being built: still a user error, not a GraphQL one. */
    @Test
    void invalidInputThrownWhileBuildingTheWorkIsAUserError() {
        StepVerifier.create(asCaller(caller -> {
                            throw InvalidInput.of("input.id", "Not an id", ErrorCode.INVALID_ID);
                        })
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(owner))))
                .expectNext(new Payload(null, List.of(new UserError(List.of("input", "id"), "Not an id",
                        ErrorCode.INVALID_ID))))
                .verifyComplete();
    }

    @Test
    void withoutACallerTheWorkDoesNotRunAndTheAnswerIsUnauthenticated() {
        AtomicBoolean ran = new AtomicBoolean();
        StepVerifier.create(asCaller(caller -> Mono.fromRunnable(() -> ran.set(true)).thenReturn("done")))
                .verifyError(Unauthenticated.class);
        assertThat(ran).isFalse();
    }

    @Test
    void aPersonSignedInWithASessionDoesTheWork() {
        StepVerifier.create(asSignedInPerson(caller -> Mono.just("invited by " + caller.role()))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(owner))))
                .expectNext(new Payload("invited by OWNER", List.of()))
                .verifyComplete();
    }

    @Test
    void aSignedInPersonsUserErrorsAreThePayloads() {
        StepVerifier.create(asSignedInPerson(caller -> Mono.error(InvalidInput.of("email", "Required",
                                ErrorCode.REQUIRED)))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(owner))))
                .expectNext(new Payload(null, List.of(new UserError(List.of("email"), "Required", ErrorCode.REQUIRED))))
                .verifyComplete();
    }

    /** The owner's own API token cannot do what only a person signed in may: a GraphQL error naming the action. */
    @Test
    void anApiTokenIsForbiddenTheActionAndTheWorkDoesNotRun() {
        AtomicBoolean ran = new AtomicBoolean();
        ApiToken token = new ApiToken(new ApiTokenId(UUID.randomUUID()), owner.agencyId(), owner.userId(), "Sync",
                ApiTokenAccess.READ_ONLY, Set.of(), "cordee_pat_AbCd", Instant.parse("2026-12-01T00:00:00Z"), null,
                null, null);
        Authentication viaToken = new CallerAuthentication(new ApiTokenGrant(owner, token));

        StepVerifier.create(asSignedInPerson(caller -> Mono.fromRunnable(() -> ran.set(true)).thenReturn("done"))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(viaToken)))
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(Forbidden.class)
                        .hasMessage("An API token cannot invite people: sign in as an owner"));
        assertThat(ran).isFalse();
    }

    /** A payload of one result and its user errors is built by its constructor: the result, or the errors. */
    @Test
    void aResultAndItsUserErrorsPayloadIsBuiltByItsConstructor() {
        StepVerifier.create(Mutations.asCaller(caller -> Mono.just("done"), Payload::new)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(owner))))
                .expectNext(new Payload("done", List.of()))
                .verifyComplete();
        StepVerifier.create(Mutations.asSignedInPerson("invite people",
                                caller -> Mono.<String>error(InvalidInput.of("email", "Required", ErrorCode.REQUIRED)),
                                Payload::new)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(owner))))
                .expectNext(new Payload(null, List.of(new UserError(List.of("email"), "Required", ErrorCode.REQUIRED))))
                .verifyComplete();
    }

    private static Mono<Payload> asCaller(Function<Caller, Mono<String>> work) {
        return Mutations.asCaller(work, result -> new Payload(result, List.of()), errors -> new Payload(null, errors));
    }

    private static Mono<Payload> asSignedInPerson(Function<Caller, Mono<String>> work) {
        return Mutations.asSignedInPerson("invite people", work, result -> new Payload(result, List.of()),
                errors -> new Payload(null, errors));
    }
}
