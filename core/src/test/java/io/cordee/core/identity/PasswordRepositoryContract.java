package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.RandomHashes;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PasswordRepository} promises its callers (ADR 0080), with the {@link UserRepository} and
 * {@link SessionRepository} of the same store: a new password, sessions ended, a reset link used once, each within
 * the user's own agency.
 */
public abstract class PasswordRepositoryContract extends PortContract {

    private static final Instant NOON = Instant.parse("2027-03-01T12:00:00Z");

    protected abstract PasswordRepository passwords();

    protected abstract UserRepository users();

    protected abstract SessionRepository sessions();

    private PasswordRepository passwords;
    private SessionRepository sessions;
    private AgencyId agency;
    private AgencyId otherAgency;
    private User ana;
    private User ben;

    protected PasswordRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithTwoUsers() {
        passwords = passwords();
        sessions = sessions();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        ana = world().newUser(agency, "Ana", Role.LEAD);
        ben = world().newUser(agency, "Ben", Role.LEAD);
    }

    @Test
    void theAgencysNameIsReadForTheMailAndAnUnknownAgencyIsEmpty() {
        assertThat(passwords.letterhead(agency).block().name()).isNotBlank();
        assertThat(passwords.letterhead(new AgencyId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void aNewPasswordIsSetForTheUserOfItsAgencyOnly() {
        passwords.setPassword(agency, ana.id(), "new-hash", NOON).block();
        assertThat(users().findById(agency, ana.id()).block().passwordHash()).isEqualTo("new-hash");
        assertThat(users().findById(agency, ben.id()).block().passwordHash()).isEqualTo("hash");
        // the right user id, claimed by another agency: nothing changes
        passwords.setPassword(otherAgency, ana.id(), "hijack", NOON).block();
        assertThat(users().findById(agency, ana.id()).block().passwordHash()).isEqualTo("new-hash");
    }

    @Test
    void sessionsEndExceptTheOneKeptAndOnlyTheUsersOwn() {
        byte[] laptop = session(ana);
        byte[] phone = session(ana);
        byte[] tablet = session(ana);
        byte[] bens = session(ben);
        passwords.revokeSessions(agency, ana.id(), phone.clone(), NOON).block();
        assertThat(sessions.findUserOfActiveSession(laptop, NOON).block()).isNull();
        assertThat(sessions.findUserOfActiveSession(tablet, NOON).block()).isNull();
        assertThat(sessions.findUserOfActiveSession(phone, NOON).block()).isEqualTo(ana);
        assertThat(sessions.findUserOfActiveSession(bens, NOON).block()).isEqualTo(ben);
        // another agency naming Ana's id ends nothing
        passwords.revokeSessions(otherAgency, ana.id(), null, NOON).block();
        assertThat(sessions.findUserOfActiveSession(phone, NOON).block()).isEqualTo(ana);
        // none kept: all of Ana's end, Ben's stays
        passwords.revokeSessions(agency, ana.id(), null, NOON).block();
        assertThat(sessions.findUserOfActiveSession(phone, NOON).block()).isNull();
        assertThat(sessions.findUserOfActiveSession(bens, NOON).block()).isEqualTo(ben);
    }

    @Test
    void aResetLinkIsFoundByItsHashAndMarkedUsedInItsAgencyOnly() {
        byte[] link = RandomHashes.sha256Sized();
        PasswordReset reset = new PasswordReset(UUID.randomUUID(), agency, ana.id(), NOON,
                NOON.plus(Duration.ofHours(1)), null);
        passwords.insertReset(reset, link).block();
        assertThat(passwords.findResetForUpdate(link.clone()).block()).isEqualTo(reset);
        assertThat(passwords.findResetForUpdate(RandomHashes.sha256Sized()).block()).isNull();

        passwords.markResetUsed(otherAgency, reset.id(), NOON.plus(Duration.ofMinutes(5))).block();
        assertThat(passwords.findResetForUpdate(link).block().usedAt()).isNull();
        passwords.markResetUsed(agency, reset.id(), NOON.plus(Duration.ofMinutes(10))).block();
        assertThat(passwords.findResetForUpdate(link).block().usedAt()).isEqualTo(NOON.plus(Duration.ofMinutes(10)));
    }

    private byte[] session(User user) {
        byte[] token = RandomHashes.sha256Sized();
        sessions.insert(new Session(UUID.randomUUID(), user.agencyId(), user.id(), token, NOON.minus(Duration.ofHours(1)),
                NOON.plus(Duration.ofDays(1)))).block();
        return token;
    }
}
