package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TooManyRequests;
import io.cordee.core.common.Unauthenticated;
import io.cordee.core.support.ReversibleHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class IdentityServiceTest {

    private final ReversibleHasher hasher = new ReversibleHasher();
    private final AtomicInteger hashChecks = hasher.checks();
    private final User ana = new User(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()),
            "ana@agency.example", "Ana", Role.LEAD, null, "h:secret");
    private final List<Session> stored = new ArrayList<>();
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private Instant now = Instant.parse("2026-11-22T09:00:00Z");
    private final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    /** Two sign-ins at most under way at once; the hash runs on the caller's thread here. */
    private final BoundedHashing hashing = new BoundedHashing(Schedulers.immediate(), 2);

    private final IdentityService service = new IdentityService(
            new UserRepository() {
                public Mono<User> findByEmail(String email) {
                    return email.equals(ana.email()) ? Mono.just(ana) : Mono.empty();
                }

                public Mono<User> findById(AgencyId agencyId, UserId id) {
                    return Mono.just(ana);
                }

                public Mono<User> insert(User user) {
                    return Mono.just(user);
                }
            },
            new SessionRepository() {
                public Mono<Long> deleteDead(Instant now, int limit) {
                    return Mono.just(0L);
                }

                public Mono<Session> insert(Session session) {
                    stored.add(session);
                    return Mono.just(session);
                }

                public Mono<User> findUserOfActiveSession(byte[] tokenHash, Instant at) {
                    return Mono.justOrEmpty(stored.stream()
                            .filter(s -> Arrays.equals(s.tokenHash(), tokenHash) && s.expiresAt().isAfter(at)
                                    && !revoked.containsKey(Arrays.toString(tokenHash)))
                            .findFirst()).map(s -> ana);
                }

                public Mono<Void> revoke(byte[] tokenHash, Instant at) {
                    revoked.put(Arrays.toString(tokenHash), at);
                    return Mono.empty();
                }
            },
            attempts, SignInThrottle.defaults(), hasher, hashing, UUID::randomUUID, new Clock() {
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                public Instant instant() {
                    return now;
                }
            });

    @Test
    void signInStoresOnlyTheHashOfTheTokenAndTheTokenAuthenticates() {
        SignedIn signedIn = service.signIn("  ANA@agency.example ", "secret").block();
        assertThat(signedIn.token()).hasSizeGreaterThanOrEqualTo(43); // 256 bits in base64url
        assertThat(stored).hasSize(1);
        assertThat(new String(stored.get(0).tokenHash())).doesNotContain(signedIn.token());
        assertThat(signedIn.expiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
        StepVerifier.create(service.authenticate(signedIn.token()))
                .assertNext(caller -> assertThat(caller.userId()).isEqualTo(ana.id())).verifyComplete();
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressCostOneHashEachAndSayTheSame() {
        StepVerifier.create(service.signIn("ana@agency.example", "wrong"))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors().get(0).code())
                        .isEqualTo(ErrorCode.INVALID_CREDENTIALS)).verify();
        int afterWrongPassword = hashChecks.getAndSet(0);
        StepVerifier.create(service.signIn("nobody@agency.example", "secret"))
                .expectErrorMessage("email: E-mail or password is incorrect").verify();
        assertThat(afterWrongPassword).isEqualTo(1);
        assertThat(hashChecks.get()).isEqualTo(1);
        assertThat(stored).isEmpty();
    }

    @Test
    void expiredAndRevokedSessionsAreRefused() {
        SignedIn first = service.signIn("ana@agency.example", "secret").block();
        SignedIn second = service.signIn("ana@agency.example", "secret").block();
        service.signOut(first.token()).block();
        StepVerifier.create(service.authenticate(first.token())).expectError(Unauthenticated.class).verify();

        now = now.plus(Duration.ofDays(7)).plusSeconds(1);
        StepVerifier.create(service.authenticate(second.token())).expectError(Unauthenticated.class).verify();
    }

    @Test
    void afterFiveFailuresEachAttemptWaitsTwiceAsLongWithoutAHashAndASuccessResets() {
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials("ana@agency.example", "wrong");
        }
        assertThat(hashChecks.getAndSet(0)).isEqualTo(5);
        // the 5th attempt set a 1 s wait: the 6th, wrong or right, is refused without a hash
        expectTooManyAttempts("ana@agency.example", "wrong", Duration.ofSeconds(1));
        expectTooManyAttempts("ANA@agency.example", "secret", Duration.ofSeconds(1));
        now = now.plusMillis(400);
        // 600 ms left, answered as the shortest wait (1 s) as the database adapter does (ADR 0080 contract)
        expectTooManyAttempts("ana@agency.example", "secret", Duration.ofSeconds(1));
        assertThat(hashChecks.get()).isZero();

        // after the wait: the 6th attempt is checked; wrong, it sets a 2 s wait, then 4 s after the 7th
        now = now.plusMillis(600);
        expectInvalidCredentials("ana@agency.example", "wrong");
        expectTooManyAttempts("ana@agency.example", "secret", Duration.ofSeconds(2));
        now = now.plusSeconds(2);
        expectInvalidCredentials("ana@agency.example", "wrong");
        expectTooManyAttempts("ana@agency.example", "secret", Duration.ofSeconds(4));
        now = now.plusSeconds(4);
        assertThat(service.signIn("ana@agency.example", "secret").block()).isNotNull();

        // the success forgot the failures: 5 free attempts again, then 1 s (not 8 s)
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials("ana@agency.example", "wrong");
        }
        expectTooManyAttempts("ana@agency.example", "wrong", Duration.ofSeconds(1));
    }

    @Test
    void anUnknownAddressIsThrottledExactlyLikeAKnownOne() {
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials("nobody@agency.example", "secret");
        }
        expectTooManyAttempts("nobody@agency.example", "secret", Duration.ofSeconds(1));
        // another account is not affected
        assertThat(service.signIn("ana@agency.example", "secret").block()).isNotNull();
    }

    @Test
    void theThrottleForgetsAnAccountAWindowAfterItsLastWait() {
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials("ana@agency.example", "wrong");
        }
        // the 1 s wait ends at +1 s; 15 min later the 5 failures are forgotten
        now = now.plusSeconds(1).plus(Duration.ofMinutes(15));
        assertThat(attempts.deleteExpired(now).block()).isEqualTo(1);
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials("ana@agency.example", "wrong");
        }
        expectTooManyAttempts("ana@agency.example", "wrong", Duration.ofSeconds(1));
    }

    @Test
    void theDelayDoublesUpToItsCap() {
        SignInThrottle throttle = SignInThrottle.defaults();
        assertThat(throttle.delayAfter(4)).isZero();
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        // 5 + 9 attempts: 2^9 = 512 s; the next 1,024 s is over the 900 s cap
        assertThat(throttle.delayAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSignInBeyondTheHashingCapacityIsRefusedAtOnceAndCountsNoAttempt() {
        Sinks.One<Boolean> gate = Sinks.one();
        BoundedHashing full = new BoundedHashing(Schedulers.immediate(), 2);
        // two sign-ins under way (they wait on the gate), so the pool is full
        full.admit(() -> gate.asMono()).subscribe();
        full.admit(() -> gate.asMono()).subscribe();
        assertThat(full.inFlight()).isEqualTo(2);
        StepVerifier.create(full.admit(() -> Mono.just(true)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TooManyRequests.class);
                    assertThat(((TooManyRequests) e).code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
                    assertThat(((TooManyRequests) e).retryAfterSeconds()).isEqualTo(1);
                }).verify();
        gate.tryEmitValue(true);
        assertThat(full.inFlight()).isZero();
    }

    private void expectInvalidCredentials(String email, String password) {
        StepVerifier.create(service.signIn(email, password))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors().get(0).code())
                        .isEqualTo(ErrorCode.INVALID_CREDENTIALS)).verify();
    }

    private void expectTooManyAttempts(String email, String password, Duration wait) {
        StepVerifier.create(service.signIn(email, password))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TooManyRequests.class);
                    assertThat(((TooManyRequests) e).code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
                    assertThat(((TooManyRequests) e).retryAfter()).isEqualTo(wait);
                }).verify();
    }
}
