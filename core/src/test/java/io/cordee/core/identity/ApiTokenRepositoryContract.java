package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.support.Pages;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.RandomHashes;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiTokenRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class ApiTokenRepositoryContract extends PortContract {

    private static final Instant NOON = Instant.parse("2027-03-01T12:00:00Z");

    protected abstract ApiTokenRepository tokens();

    private ApiTokenRepository tokens;
    private AgencyId agency;
    private AgencyId otherAgency;
    private User owner;

    protected ApiTokenRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyAndItsOwner() {
        tokens = tokens();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        owner = world().newUser(agency, "Olga", Role.OWNER);
    }

    @Test
    void aTokenIsFoundByIdAndByTheHashOfItsValueWithItsCreator() {
        byte[] hash = RandomHashes.sha256Sized();
        ApiToken sync = new ApiToken(new ApiTokenId(UUID.randomUUID()), agency, owner.id(), "Sync",
                ApiTokenAccess.READ_WRITE, Set.of(ApiTokenArea.BILLING, ApiTokenArea.CLIENTS), "cordee_pat_AbCd", NOON,
                NOON.plus(Duration.ofDays(90)), null, null);
        assertThat(tokens.insert(sync, hash).block()).isEqualTo(sync);
        assertThat(tokens.find(agency, sync.id()).block()).isEqualTo(sync);
        ApiTokenRepository.WithCreator found = tokens.findByHash(hash.clone()).block();
        assertThat(found.token()).isEqualTo(sync);
        assertThat(found.creator()).isEqualTo(owner);
        assertThat(found.creatorDeactivated()).isFalse();
        assertThat(tokens.findByHash(RandomHashes.sha256Sized()).block()).isNull();
        assertThat(tokens.find(agency, new ApiTokenId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void pagesNewestFirstAndLeavesRevokedAndExpiredOnesOutUnlessAsked() {
        // created at 09:00, 10:00 (two), 11:00; the 09:00 one expired at 11:30, one of 10:00 is revoked
        ApiToken nine = insert(NOON.minus(Duration.ofHours(3)), NOON.minus(Duration.ofMinutes(30)));
        ApiToken tenA = insert(NOON.minus(Duration.ofHours(2)), null);
        ApiToken tenB = insert(NOON.minus(Duration.ofHours(2)), null);
        ApiToken eleven = insert(NOON.minus(Duration.ofHours(1)), null);
        ApiToken revoked = tokens.revoke(agency, tenB.id(), NOON.minus(Duration.ofMinutes(5))).block();
        List<ApiToken> ten = Stream.of(tenA, revoked)
                .sorted(Comparator.comparing((ApiToken t) -> t.id().value(), StoredOrder.IDS).reversed()).toList();

        // everything, pages of 2: 11:00, then the two of 10:00 by id descending across the page break, then 09:00
        Pages.Walk<ApiToken> walk = Pages.walk(after -> tokens.findPage(agency, true, NOON, new PageRequest(2, after))
                .block());
        assertThat(walk.sizes()).containsExactly(2, 2);
        assertThat(walk.totals()).containsOnly(4L);
        assertThat(walk.items()).containsExactly(eleven, ten.get(0), ten.get(1), nine);

        // active at noon: not the revoked one, not the one expired at 11:30
        Page<ApiToken> active = tokens.findPage(agency, false, NOON, new PageRequest(10, null)).block();
        assertThat(active.items()).containsExactly(eleven, tenA);
        assertThat(active.totalCount()).isEqualTo(2);
        // at 11:00 the 09:00 one had not expired yet
        assertThat(tokens.findPage(agency, false, NOON.minus(Duration.ofHours(1)), new PageRequest(10, null)).block()
                .totalCount()).isEqualTo(3);
    }

    @Test
    void aRevocationKeepsItsFirstTimeAndAUseIsNeverMovedBack() {
        ApiToken token = insert(NOON, null);
        ApiToken revoked = tokens.revoke(agency, token.id(), NOON.plus(Duration.ofHours(1))).block();
        assertThat(revoked.revokedAt()).isEqualTo(NOON.plus(Duration.ofHours(1)));
        // revoked again later: still revoked at 13:00
        assertThat(tokens.revoke(agency, token.id(), NOON.plus(Duration.ofHours(2))).block().revokedAt())
                .isEqualTo(NOON.plus(Duration.ofHours(1)));
        assertThat(tokens.revoke(agency, new ApiTokenId(UUID.randomUUID()), NOON).block()).isNull();

        ApiToken used = insert(NOON, null);
        tokens.touch(agency, used.id(), NOON.plus(Duration.ofMinutes(10))).block();
        assertThat(tokens.find(agency, used.id()).block().lastUsedAt()).isEqualTo(NOON.plus(Duration.ofMinutes(10)));
        // a use recorded late by a slower instance (12:05 after 12:10) leaves the last use at 12:10
        tokens.touch(agency, used.id(), NOON.plus(Duration.ofMinutes(5))).block();
        assertThat(tokens.find(agency, used.id()).block().lastUsedAt()).isEqualTo(NOON.plus(Duration.ofMinutes(10)));
    }

    @Test
    void theCreatorsAreReadAmongTheAgencysUsersOnly() {
        User finance = world().newUser(agency, "Fanny", Role.FINANCE);
        User stranger = world().newUser(otherAgency, "Stranger", Role.OWNER);
        assertThat(tokens.findUsers(agency, List.of(owner.id(), finance.id(), stranger.id(),
                new UserId(UUID.randomUUID()))).collectList().block()).containsExactlyInAnyOrder(owner, finance);
    }

    @Test
    void anotherAgencyNeverSeesRevokesNorTouchesTheToken() {
        ApiToken token = insert(NOON, null);
        assertThat(tokens.find(otherAgency, token.id()).block()).isNull();
        assertThat(tokens.findPage(otherAgency, true, NOON, new PageRequest(10, null)).block().totalCount()).isZero();
        assertThat(tokens.findUsers(otherAgency, List.of(owner.id())).collectList().block()).isEmpty();
        // the right id, claimed by the other agency: nothing revoked, no use recorded
        assertThat(tokens.revoke(otherAgency, token.id(), NOON).block()).isNull();
        tokens.touch(otherAgency, token.id(), NOON.plus(Duration.ofMinutes(1))).block();
        assertThat(tokens.find(agency, token.id()).block()).isEqualTo(token);
    }

    private ApiToken insert(Instant createdAt, Instant expiresAt) {
        ApiToken token = new ApiToken(new ApiTokenId(UUID.randomUUID()), agency, owner.id(), "Reports",
                ApiTokenAccess.READ_ONLY, Set.of(), "cordee_pat_Wxyz", createdAt, expiresAt, null, null);
        return tokens.insert(token, RandomHashes.sha256Sized()).block();
    }
}
