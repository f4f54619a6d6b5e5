package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Unauthenticated;
import io.cordee.core.identity.PasswordService.ResetRequest;
import io.cordee.core.limit.RateBuckets;
import io.cordee.core.mail.Mailer;
import io.cordee.core.support.InMemoryAgencies;
import io.cordee.core.support.InMemoryUsers;
import io.cordee.core.support.NoSmtp;
import io.cordee.core.support.ReversibleHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Changing a password and resetting a forgotten one, on the in-memory users, sessions and reset links. */
class PasswordServiceTest {

    private static final String CURRENT = "correct horse battery";
    private static final String NEXT = "a brand new passphrase";

    private Instant now = Instant.parse("2027-03-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final PasswordHasher hasher = new ReversibleHasher();
    private final TransactionRunner tx = new TransactionRunner() {
        @Override
        public <T> Mono<T> inTransaction(Mono<T> work) {
            return work;
        }
    };
    /** No SMTP: the service hands the link back instead of mailing it. */
    private final Mailer noSmtp = new NoSmtp();
    /** Reset requests are not admitted in these tests ({@code admitReset}); rate buckets have no twin yet. */
    private final RateBuckets noBuckets = new RateBuckets() {
        @Override
        public Mono<Duration> take(String key, long capacity, Duration period, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Grant> takeUpTo(String key, long capacity, Duration period, Instant at, long most) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Long> deleteFull(Instant at) {
            throw new UnsupportedOperationException();
        }
    };

    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final InMemoryUsers users = new InMemoryUsers(agencies);
    private final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    private final BoundedHashing hashing = new BoundedHashing(Schedulers.immediate(), 2);
    private final IdentityService identity = new IdentityService(users, users, attempts, SignInThrottle.defaults(),
            hasher, hashing, UUID::randomUUID, clock);
    private final PasswordService service = new PasswordService(users, users, attempts, noBuckets, identity, tx,
            UUID::randomUUID, clock, noSmtp, "https://cordee.example/");
    private User ana;

    @BeforeEach
    void anAgencyAndItsOwner() {
        AgencyId agency = agencies.insert(new Agency(new AgencyId(UUID.randomUUID()), "Atelier",
                AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0)).block().id();
        ana = users.insert(new User(new UserId(UUID.randomUUID()), agency, "ana@atelier.example", "Ana", Role.OWNER,
                null, hasher.hash(CURRENT))).block();
    }

    @Test
    void aChangeSetsTheNewPasswordAndEndsEverySessionButTheCurrentOne() {
        SignedIn here = identity.openSession(ana).block();
        SignedIn elsewhere = identity.openSession(ana).block();
        service.change(ana.asCaller(), here.token(), CURRENT, NEXT).block();

        assertThat(users.findById(ana.agencyId(), ana.id()).block().passwordHash()).isEqualTo("h:" + NEXT);
        assertThat(identity.authenticate(here.token()).block().userId()).isEqualTo(ana.id());
        StepVerifier.create(identity.authenticate(elsewhere.token())).expectError(Unauthenticated.class).verify();
        // signing in now takes the new password
        assertThat(identity.signIn("ana@atelier.example", NEXT).block().user().id()).isEqualTo(ana.id());
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneChangesNothing() {
        SignedIn here = identity.openSession(ana).block();
        StepVerifier.create(service.change(ana.asCaller(), here.token(), "not my password at all", NEXT))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("currentPassword",
                                ErrorCode.INVALID_CREDENTIALS)))
                .verify();
        // 11 characters: one short of the 12 required
        StepVerifier.create(service.change(ana.asCaller(), here.token(), CURRENT, "short words"))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors()).extracting(FieldError::code)
                        .containsExactly(ErrorCode.WEAK_PASSWORD))
                .verify();
        assertThat(users.findById(ana.agencyId(), ana.id()).block().passwordHash()).isEqualTo("h:" + CURRENT);
    }

    @Test
    void aResetLinkSetsThePasswordEndsEverySessionAndWorksOnce() {
        SignedIn before = identity.openSession(ana).block();
        ResetRequest request = service.sendReset("  ANA@atelier.example ", "fr").block();
        assertThat(request.outcome()).isEqualTo(ResetRequest.Outcome.NO_SMTP);
        assertThat(request.link()).startsWith("https://cordee.example/#/reset/");
        String token = request.link().substring("https://cordee.example/#/reset/".length());

        now = now.plus(Duration.ofMinutes(59));
        SignedIn after = service.reset(token, NEXT).block();
        assertThat(after.user().id()).isEqualTo(ana.id());
        assertThat(users.findById(ana.agencyId(), ana.id()).block().passwordHash()).isEqualTo("h:" + NEXT);
        StepVerifier.create(identity.authenticate(before.token())).expectError(Unauthenticated.class).verify();
        assertThat(identity.authenticate(after.token()).block().userId()).isEqualTo(ana.id());

        StepVerifier.create(service.reset(token, "yet another passphrase"))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors().get(0).code())
                        .isEqualTo(ErrorCode.RESET_LINK_USED))
                .verify();
        assertThat(users.findById(ana.agencyId(), ana.id()).block().passwordHash()).isEqualTo("h:" + NEXT);
    }

    @Test
    void aLinkExpiresAfterAnHourAndAnUnknownAddressGetsNone() {
        String link = service.sendReset("ana@atelier.example", null).block().link();
        String token = link.substring(link.lastIndexOf('/') + 1);
        // links work one hour: at exactly 60 minutes it has expired
        now = now.plus(Duration.ofHours(1));
        StepVerifier.create(service.reset(token, NEXT))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors().get(0).code())
                        .isEqualTo(ErrorCode.RESET_LINK_EXPIRED))
                .verify();
        StepVerifier.create(service.reset("not-a-link", NEXT))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors().get(0).code())
                        .isEqualTo(ErrorCode.RESET_LINK_INVALID))
                .verify();
        assertThat(service.sendReset("nobody@atelier.example", null).block())
                .isEqualTo(new ResetRequest(ResetRequest.Outcome.UNKNOWN_ADDRESS, null));
        assertThat(users.findById(ana.agencyId(), ana.id()).block().passwordHash()).isEqualTo("h:" + CURRENT);
    }
}
