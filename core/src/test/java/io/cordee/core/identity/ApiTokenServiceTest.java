package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.Unauthenticated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ApiTokenServiceTest {

    private final AgencyId agency = new AgencyId(UUID.randomUUID());
    private User owner = new User(new UserId(UUID.randomUUID()), agency, "owner@agency.example", "Olga", Role.OWNER,
            null, "h");
    private Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private boolean ownerDeactivated;

    /** The stored tokens by the hex of their hash, and every touch the service asked for. */
    private final Map<String, ApiToken> byHash = new HashMap<>();
    private final List<Instant> touches = new ArrayList<>();

    private final ApiTokenRepository repository = new ApiTokenRepository() {
        public Mono<ApiToken> insert(ApiToken token, byte[] valueHash) {
            byHash.put(Arrays.toString(valueHash), token);
            return Mono.just(token);
        }

        public Mono<WithCreator> findByHash(byte[] valueHash) {
            return Mono.justOrEmpty(byHash.get(Arrays.toString(valueHash))).map(t -> new WithCreator(t, owner, ownerDeactivated));
        }

        public Mono<ApiToken> find(AgencyId agencyId, ApiTokenId id) {
            return Mono.justOrEmpty(byHash.values().stream().filter(t -> t.id().equals(id)).findFirst());
        }

        public Mono<Page<ApiToken>> findPage(AgencyId agencyId, boolean includeInactive, Instant at, PageRequest page) {
            return Mono.just(new Page<>(List.of(), false, byHash.size()));
        }

        public Mono<ApiToken> revoke(AgencyId agencyId, ApiTokenId id, Instant at) {
            return Mono.empty();
        }

        public Flux<User> findUsers(AgencyId agencyId, Collection<UserId> ids) {
            return Flux.just(owner);
        }

        public Mono<Void> touch(AgencyId agencyId, ApiTokenId id, Instant at) {
            touches.add(at);
            byHash.replaceAll((hash, t) -> t.id().equals(id) ? new ApiToken(t.id(), t.agencyId(), t.createdBy(),
                    t.name(), t.access(), t.areas(), t.hint(), t.createdAt(), t.expiresAt(), at, t.revokedAt()) : t);
            return Mono.empty();
        }
    };

    private final ApiTokenService service = new ApiTokenService(repository, UUID::randomUUID, new Clock() {
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    });

    private NewApiToken create(ApiTokenAccess access, Set<ApiTokenArea> areas, Instant expiresAt) {
        return service.create(owner.asCaller(), new ApiTokenDraft("  Sync  ", access, areas, expiresAt)).block();
    }

    @Test
    void aTokenIsAPrefixedRandomValueOfWhichOnlyTheHashIsKept() {
        NewApiToken first = create(ApiTokenAccess.READ_ONLY, Set.of(), null);
        NewApiToken second = create(ApiTokenAccess.READ_ONLY, Set.of(), null);
        assertThat(first.value()).matches("cordee_pat_[A-Za-z0-9_-]{43}").isNotEqualTo(second.value());
        assertThat(first.token().name()).isEqualTo("Sync");
        assertThat(first.token().hint()).isEqualTo(first.value().substring(0, 15));
        assertThat(first.toString()).doesNotContain(first.value());
        assertThat(byHash).containsKey(Arrays.toString(IdentityService.hashToken(first.value())));
    }

    @Test
    void onlyAnOwnerCreatesAndTheDraftIsCheckedWhole() {
        for (Role role : List.of(Role.FINANCE, Role.LEAD)) {
            Caller caller = new Caller(new UserId(UUID.randomUUID()), agency, role, null);
            StepVerifier.create(service.create(caller, new ApiTokenDraft("x", ApiTokenAccess.READ_ONLY, Set.of(), null)))
                    .expectError(Forbidden.class).verify();
        }
        Caller client = new Caller(new UserId(UUID.randomUUID()), agency, Role.CLIENT, new ClientId(UUID.randomUUID()));
        StepVerifier.create(service.create(client, new ApiTokenDraft("x", ApiTokenAccess.READ_ONLY, Set.of(), null)))
                .expectError(Forbidden.class).verify();

        StepVerifier.create(service.create(owner.asCaller(), new ApiTokenDraft(" ", ApiTokenAccess.READ_WRITE, Set.of(),
                        now.minusSeconds(1))))
                .expectErrorSatisfies(e -> assertThat(((InvalidInput) e).errors())
                        .extracting(f -> f.field() + " " + f.code())
                        .containsExactly("name REQUIRED", "areas REQUIRED", "expiresAt OUT_OF_RANGE"))
                .verify();
        assertThat(byHash).isEmpty();
    }

    @Test
    void revokedExpiredAndUnknownTokensAreRefusedWithTheReason() {
        NewApiToken token = create(ApiTokenAccess.READ_WRITE, Set.of(ApiTokenArea.BILLING), now.plusSeconds(3600));
        StepVerifier.create(service.authenticate(token.value()))
                .assertNext(grant -> {
                    assertThat(grant.caller()).isEqualTo(owner.asCaller());
                    assertThat(grant.token().mayChange(ApiTokenArea.BILLING)).isTrue();
                    assertThat(grant.token().mayChange(ApiTokenArea.CLIENTS)).isFalse();
                })
                .verifyComplete();

        now = now.plusSeconds(3600); // expiresAt is exclusive: at 10:00:00 the 10:00:00 token is expired
        StepVerifier.create(service.authenticate(token.value()))
                .expectErrorMessage("This API token expired at 2026-11-23T10:00:00Z").verify();

        StepVerifier.create(service.authenticate("cordee_pat_" + "B".repeat(43)))
                .expectErrorMessage("Unknown API token").verify();
        StepVerifier.create(service.authenticate("a-session-token")).expectError(Unauthenticated.class).verify();
    }

    @Test
    void theCreatorsRoleIsReadAtEachRequest() {
        NewApiToken token = create(ApiTokenAccess.READ_ONLY, Set.of(), null);
        owner = new User(owner.id(), agency, owner.email(), owner.displayName(), Role.LEAD, null, "h");
        assertThat(service.authenticate(token.value()).block().caller().role()).isEqualTo(Role.LEAD);
        owner = new User(owner.id(), agency, owner.email(), owner.displayName(), Role.CLIENT,
                new ClientId(UUID.randomUUID()), "h");
        StepVerifier.create(service.authenticate(token.value()))
                .expectErrorMatches(e -> e instanceof Unauthenticated && e.getMessage().contains("no longer agency staff"))
                .verify();
    }

    @Test
    void aDeactivatedCreatorsTokensAreRefused() {
        NewApiToken token = create(ApiTokenAccess.READ_ONLY, Set.of(), null);
        ownerDeactivated = true;
        StepVerifier.create(service.authenticate(token.value()))
                .expectErrorMatches(e -> e instanceof Unauthenticated
                        && e.getMessage().equals("The creator of this API token was deactivated"))
                .verify();
        assertThat(touches).isEmpty();
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() {
        NewApiToken token = create(ApiTokenAccess.READ_ONLY, Set.of(), null);
        service.authenticate(token.value()).block();             // 09:00:00 first use: recorded
        now = now.plusSeconds(59);
        service.authenticate(token.value()).block();             // 09:00:59: 59 s after, not recorded
        now = now.plusSeconds(1);
        service.authenticate(token.value()).block();             // 09:01:00: a minute after, recorded
        assertThat(touches).containsExactly(Instant.parse("2026-11-23T09:00:00Z"),
                Instant.parse("2026-11-23T09:01:00Z"));
    }

    @Test
    void aReadOnlyTokenChangesNothing() {
        ApiToken token = create(ApiTokenAccess.READ_ONLY, Set.of(), null).token();
        assertThat(Arrays.stream(ApiTokenArea.values()).filter(token::mayChange)).isEmpty();
    }
}
