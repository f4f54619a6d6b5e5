package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Unauthenticated;
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
import reactor.test.StepVerifier;

class IdentityServiceTest {

    private final AtomicInteger hashChecks = new AtomicInteger();
    /** Reversible on purpose: these tests are about the service, not the hash. */
    private final PasswordHasher hasher = new PasswordHasher() {
        @Override
        public String hash(String raw) {
            return "h:" + raw;
        }

        @Override
        public boolean matches(String raw, String hash) {
            hashChecks.incrementAndGet();
            return hash.equals("h:" + raw);
        }
    };
    private final User ana = new User(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()),
            "ana@agency.example", "Ana", Role.LEAD, null, "h:secret");
    private final List<Session> stored = new ArrayList<>();
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private Instant now = Instant.parse("2026-11-22T09:00:00Z");

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
            hasher, UUID::randomUUID, new Clock() {
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
}
