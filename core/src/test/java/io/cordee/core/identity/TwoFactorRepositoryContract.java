package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.TwoFactorRepository.Challenge;
import io.cordee.core.identity.TwoFactorRepository.TwoFactor;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.RandomHashes;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TwoFactorRepository} promises its callers (ADR 0080), with the sessions of the same
 * store: a secret pending until enabled, each code step used once, recovery codes used once, a sign-in challenge
 * used once before it expires, and the agency's requirement written from its version, each within one agency.
 */
public abstract class TwoFactorRepositoryContract extends PortContract {

    private static final Instant NOON = Instant.parse("2027-03-01T12:00:00Z");

    protected abstract TwoFactorRepository twoFactor();

    protected abstract SessionRepository sessions();

    private TwoFactorRepository twoFactor;
    private AgencyId agency;
    private AgencyId otherAgency;
    private User ana;

    protected TwoFactorRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyAndAUser() {
        twoFactor = twoFactor();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        ana = world().newUser(agency, "Ana", Role.OWNER);
    }

    @Test
    void aPendingSecretIsReplacedUntilEnabledThenKeptUntilDisabled() {
        assertThat(twoFactor.find(agency, ana.id()).block()).isNull();
        byte[] first = secret();
        byte[] second = secret();
        twoFactor.savePending(agency, ana.id(), first).block();
        TwoFactor pending = twoFactor.find(agency, ana.id()).block();
        assertThat(pending.secret()).isEqualTo(first);
        assertThat(pending.enabled()).isFalse();
        assertThat(pending.lastStep()).isZero();
        twoFactor.savePending(agency, ana.id(), second).block();
        assertThat(twoFactor.find(agency, ana.id()).block().secret()).isEqualTo(second);

        twoFactor.enable(agency, ana.id(), NOON).block();
        // enabled: a new pending secret never replaces it
        twoFactor.savePending(agency, ana.id(), secret()).block();
        TwoFactor enabled = twoFactor.find(agency, ana.id()).block();
        assertThat(enabled.enabledAt()).isEqualTo(NOON);
        assertThat(enabled.secret()).isEqualTo(second);

        twoFactor.disable(agency, ana.id()).block();
        assertThat(twoFactor.find(agency, ana.id()).block()).isNull();
    }

    @Test
    void eachCodeStepIsUsedOnceAndNeverAnEarlierOne() {
        twoFactor.savePending(agency, ana.id(), secret()).block();
        assertThat(twoFactor.useStep(agency, ana.id(), 10).block()).isTrue();
        assertThat(twoFactor.useStep(agency, ana.id(), 10).block()).isFalse();
        assertThat(twoFactor.useStep(agency, ana.id(), 9).block()).isFalse();
        assertThat(twoFactor.useStep(agency, ana.id(), 11).block()).isTrue();
        assertThat(twoFactor.find(agency, ana.id()).block().lastStep()).isEqualTo(11);
    }

    @Test
    void recoveryCodesAreUsedOnceAndReplacedAllTogether() {
        twoFactor.savePending(agency, ana.id(), secret()).block();
        byte[] c1 = RandomHashes.sha256Sized();
        byte[] c2 = RandomHashes.sha256Sized();
        byte[] c3 = RandomHashes.sha256Sized();
        twoFactor.replaceRecoveryCodes(agency, ana.id(), List.of(c1, c2, c3)).block();
        assertThat(twoFactor.recoveryCodesLeft(agency, ana.id()).block()).isEqualTo(3);
        assertThat(twoFactor.useRecoveryCode(agency, ana.id(), c2.clone(), NOON).block()).isTrue();
        assertThat(twoFactor.useRecoveryCode(agency, ana.id(), c2, NOON).block()).isFalse();
        assertThat(twoFactor.useRecoveryCode(agency, ana.id(), RandomHashes.sha256Sized(), NOON).block()).isFalse();
        assertThat(twoFactor.recoveryCodesLeft(agency, ana.id()).block()).isEqualTo(2);

        byte[] c4 = RandomHashes.sha256Sized();
        twoFactor.replaceRecoveryCodes(agency, ana.id(), List.of(c4)).block();
        assertThat(twoFactor.recoveryCodesLeft(agency, ana.id()).block()).isEqualTo(1);
        assertThat(twoFactor.useRecoveryCode(agency, ana.id(), c1, NOON).block()).isFalse();
        // disabled: the codes go with the secret
        twoFactor.disable(agency, ana.id()).block();
        assertThat(twoFactor.recoveryCodesLeft(agency, ana.id()).block()).isZero();
    }

    @Test
    void aChallengeIsUsedOnceBeforeItExpiresAndCountsItsFailures() {
        byte[] token = RandomHashes.sha256Sized();
        // five minutes to give the code
        twoFactor.insertChallenge(agency, token, ana.id(), true, NOON, NOON.plus(Duration.ofMinutes(5))).block();
        twoFactor.challengeFailed(token).block();
        twoFactor.challengeFailed(token.clone()).block();
        Challenge found = twoFactor.findChallenge(token).block();
        assertThat(found).isEqualTo(new Challenge(agency, ana.id(), true, NOON.plus(Duration.ofMinutes(5)), null, 2));

        assertThat(twoFactor.useChallenge(token, NOON.plus(Duration.ofMinutes(5))).block()).isFalse();
        assertThat(twoFactor.useChallenge(token, NOON.plus(Duration.ofMinutes(4))).block()).isTrue();
        assertThat(twoFactor.useChallenge(token, NOON.plus(Duration.ofMinutes(4))).block()).isFalse();
        assertThat(twoFactor.findChallenge(token).block().usedAt()).isEqualTo(NOON.plus(Duration.ofMinutes(4)));
        assertThat(twoFactor.findChallenge(RandomHashes.sha256Sized()).block()).isNull();
        assertThat(twoFactor.useChallenge(RandomHashes.sha256Sized(), NOON).block()).isFalse();
    }

    @Test
    void theRequirementIsWrittenFromTheAgencysVersionAndEndsTheSessionsItCatches() {
        assertThat(twoFactor.requiredRoles(agency).block()).isEmpty();
        assertThat(twoFactor.setRequiredRoles(agency, Set.of(Role.OWNER, Role.FINANCE), 0).block()).isTrue();
        assertThat(twoFactor.setRequiredRoles(agency, Set.of(Role.LEAD), 0).block()).isFalse();
        assertThat(twoFactor.requiredRoles(agency).block()).containsExactlyInAnyOrder(Role.OWNER, Role.FINANCE);

        User ben = world().newUser(agency, "Ben", Role.FINANCE);
        twoFactor.savePending(agency, ben.id(), secret()).block();
        twoFactor.enable(agency, ben.id(), NOON).block();
        User carl = world().newUser(agency, "Carl", Role.LEAD);
        User dora = world().newUser(agency, "Dora", Role.OWNER);
        byte[] anas = session(ana);
        byte[] bens = session(ben);
        byte[] carls = session(carl);
        byte[] doras = session(dora);
        // owners and finance without an enabled second factor lose their sessions, but Dora (who asked) keeps hers
        twoFactor.revokeSessionsWithoutTwoFactor(agency, Set.of(Role.OWNER, Role.FINANCE), dora.id(), NOON).block();
        assertThat(sessions().findUserOfActiveSession(anas, NOON).block()).isNull();
        assertThat(sessions().findUserOfActiveSession(bens, NOON).block()).isEqualTo(ben);
        assertThat(sessions().findUserOfActiveSession(carls, NOON).block()).isEqualTo(carl);
        assertThat(sessions().findUserOfActiveSession(doras, NOON).block()).isEqualTo(dora);
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheUsersSecondFactor() {
        byte[] mine = secret();
        twoFactor.savePending(agency, ana.id(), mine).block();
        byte[] code = RandomHashes.sha256Sized();
        twoFactor.replaceRecoveryCodes(agency, ana.id(), List.of(code)).block();
        byte[] anas = session(ana);

        assertThat(twoFactor.find(otherAgency, ana.id()).block()).isNull();
        assertThat(twoFactor.useStep(otherAgency, ana.id(), 5).block()).isFalse();
        twoFactor.enable(otherAgency, ana.id(), NOON).block();
        twoFactor.disable(otherAgency, ana.id()).block();
        assertThat(twoFactor.useRecoveryCode(otherAgency, ana.id(), code, NOON).block()).isFalse();
        assertThat(twoFactor.recoveryCodesLeft(otherAgency, ana.id()).block()).isZero();
        twoFactor.revokeSessionsWithoutTwoFactor(otherAgency, Set.of(Role.OWNER), new UserId(UUID.randomUUID()), NOON)
                .block();

        TwoFactor still = twoFactor.find(agency, ana.id()).block();
        assertThat(still.enabled()).isFalse();
        assertThat(still.lastStep()).isZero();
        assertThat(Arrays.equals(still.secret(), mine)).isTrue();
        assertThat(twoFactor.recoveryCodesLeft(agency, ana.id()).block()).isEqualTo(1);
        assertThat(sessions().findUserOfActiveSession(anas, NOON).block()).isEqualTo(ana);
    }

    private byte[] session(User user) {
        byte[] token = RandomHashes.sha256Sized();
        sessions().insert(new Session(UUID.randomUUID(), user.agencyId(), user.id(), token,
                NOON.minus(Duration.ofHours(1)), NOON.plus(Duration.ofDays(1)))).block();
        return token;
    }

    /** A TOTP secret: 20 bytes (160 bits, as RFC 4226 recommends). */
    private static byte[] secret() {
        return Arrays.copyOf(RandomHashes.sha256Sized(), 20);
    }
}
