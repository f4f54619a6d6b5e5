package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.RandomHashes;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} and {@link SessionRepository} promise their callers (ADR 0080), run against
 * the R2DBC adapter, which implements both. Sessions are looked up by the hash of their token alone (there is no
 * agency yet when a request arrives), so their isolation is that a session only ever yields its own user.
 */
public abstract class UserAndSessionRepositoryContract extends PortContract {

    private static final Instant NOON = Instant.parse("2027-03-01T12:00:00Z");

    protected abstract UserRepository users();

    protected abstract SessionRepository sessions();

    private UserRepository users;
    private SessionRepository sessions;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected UserAndSessionRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        users = users();
        sessions = sessions();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void aUserIsFoundByIdInItsAgencyAndByEmailAlone() {
        User ana = users.insert(user(agency, Role.LEAD, null)).block();
        User client = users.insert(user(agency, Role.CLIENT, world().newClient(agency, "Client"))).block();
        assertThat(users.findById(agency, ana.id()).block()).isEqualTo(ana);
        assertThat(users.findById(agency, client.id()).block()).isEqualTo(client);
        assertThat(users.findByEmail(client.email()).block()).isEqualTo(client);
        assertThat(users.findByEmail("nobody." + UUID.randomUUID() + "@agency.example").block()).isNull();
        assertThat(users.findById(otherAgency, ana.id()).block()).isNull();
        assertThat(users.findById(agency, new UserId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void anAddressSignsInToOneAgencyOnly() {
        User ana = users.insert(user(agency, Role.OWNER, null)).block();
        User twin = new User(new UserId(UUID.randomUUID()), otherAgency, ana.email(), "Ana elsewhere", Role.OWNER,
                null, "hash");
        assertThatThrownBy(() -> users.insert(twin).block()).isInstanceOf(RuntimeException.class);
        assertThat(users.findByEmail(ana.email()).block()).isEqualTo(ana);
        assertThat(users.findById(otherAgency, twin.id()).block()).isNull();
    }

    @Test
    void aSessionYieldsItsUserUntilItExpiresOrIsRevoked() {
        User ana = users.insert(user(agency, Role.FINANCE, null)).block();
        byte[] morning = RandomHashes.sha256Sized();
        byte[] laptop = RandomHashes.sha256Sized();
        // 8 hours from noon: active until 20:00, not at 20:00
        sessions.insert(new Session(UUID.randomUUID(), agency, ana.id(), morning, NOON, NOON.plus(Duration.ofHours(8))))
                .block();
        sessions.insert(new Session(UUID.randomUUID(), agency, ana.id(), laptop, NOON, NOON.plus(Duration.ofDays(7))))
                .block();
        assertThat(sessions.findUserOfActiveSession(morning.clone(), NOON.plus(Duration.ofHours(1))).block())
                .isEqualTo(ana);
        assertThat(sessions.findUserOfActiveSession(morning, NOON.plus(Duration.ofHours(8))).block()).isNull();
        assertThat(sessions.findUserOfActiveSession(RandomHashes.sha256Sized(), NOON).block()).isNull();

        sessions.revoke(laptop, NOON.plus(Duration.ofHours(2))).block();
        assertThat(sessions.findUserOfActiveSession(laptop, NOON.plus(Duration.ofHours(3))).block()).isNull();
        // revoking what does not exist completes quietly
        sessions.revoke(RandomHashes.sha256Sized(), NOON).block();
        // the other session of the same user is untouched by the revocation
        assertThat(sessions.findUserOfActiveSession(morning, NOON.plus(Duration.ofHours(3))).block()).isEqualTo(ana);
    }

    @Test
    void aSessionOnlyEverYieldsItsOwnAgencysUser() {
        User ours = users.insert(user(agency, Role.OWNER, null)).block();
        User theirs = users.insert(user(otherAgency, Role.OWNER, null)).block();
        byte[] ourToken = RandomHashes.sha256Sized();
        byte[] theirToken = RandomHashes.sha256Sized();
        sessions.insert(new Session(UUID.randomUUID(), agency, ours.id(), ourToken, NOON, NOON.plus(Duration.ofDays(1))))
                .block();
        sessions.insert(new Session(UUID.randomUUID(), otherAgency, theirs.id(), theirToken, NOON,
                NOON.plus(Duration.ofDays(1)))).block();
        assertThat(sessions.findUserOfActiveSession(ourToken, NOON).block()).isEqualTo(ours);
        assertThat(sessions.findUserOfActiveSession(theirToken, NOON).block()).isEqualTo(theirs);
        sessions.revoke(theirToken, NOON).block();
        assertThat(sessions.findUserOfActiveSession(ourToken, NOON).block()).isEqualTo(ours);
    }

    private static User user(AgencyId agency, Role role, ClientId client) {
        return new User(new UserId(UUID.randomUUID()), agency, role.name().toLowerCase() + "." + UUID.randomUUID()
                + "@agency.example", "Ana", role, client, "hash");
    }
}
