package io.cordee.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.RandomHashes;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PeopleRepository} promises its callers (ADR 0080), with the {@link UserRepository} of the same
 * store for the users it reads: people by name, roles and deactivation from their version, invitations and their
 * links, each within one agency (an address signs in to one agency, so addresses are checked across all).
 */
public abstract class PeopleRepositoryContract extends PortContract {

    private static final Instant NOON = Instant.parse("2027-03-01T12:00:00Z");

    protected abstract PeopleRepository people();

    protected abstract UserRepository users();

    private PeopleRepository people;
    private AgencyId agency;
    private AgencyId otherAgency;
    private User owner;

    protected PeopleRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyAndItsOwner() {
        people = people();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        owner = user(agency, "Olga", Role.OWNER);
    }

    @Test
    void peopleAreListedByNameIgnoringCaseThenIdWithWhatTheyMayDo() {
        User bob = user(agency, "bob", Role.LEAD);
        User alice = user(agency, "Alice", Role.FINANCE);
        user(otherAgency, "Aaron", Role.OWNER);
        assertThat(people.findPeople(agency).map(Person::displayName).collectList().block())
                .containsExactly("Alice", "bob", "Olga");
        Person found = people.findPerson(agency, alice.id()).block();
        assertThat(found.email()).isEqualTo(alice.email());
        assertThat(found.role()).isEqualTo(Role.FINANCE);
        assertThat(found.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(found.lastSignedInAt()).isNull();
        assertThat(found.version()).isZero();
        assertThat(people.findPerson(agency, new UserId(UUID.randomUUID())).block()).isNull();
        assertThat(people.findPerson(otherAgency, bob.id()).block()).isNull();
        assertThat(people.letterhead(agency).block().name()).isNotBlank();
    }

    @Test
    void aRoleAndADeactivationAreWrittenFromTheVersionReadOnly() {
        User lea = user(agency, "Léa", Role.LEAD);
        Person finance = people.updateRole(agency, lea.id(), Role.FINANCE, null, 0L).block();
        assertThat(finance.role()).isEqualTo(Role.FINANCE);
        assertThat(finance.version()).isEqualTo(1);
        assertThat(people.updateRole(agency, lea.id(), Role.OWNER, null, 0L).block()).isNull();

        Person gone = people.setDeactivated(agency, lea.id(), NOON, 1L).block();
        assertThat(gone.status()).isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(gone.deactivatedAt()).isEqualTo(NOON);
        assertThat(people.setDeactivated(agency, lea.id(), null, 1L).block()).isNull();
        // a deactivated user no longer signs in
        assertThat(users().findByEmail(lea.email()).block()).isNull();
        // without a version (the service checked it under a lock): written whatever the version
        assertThat(people.setDeactivated(agency, lea.id(), null, null).block().status())
                .isEqualTo(PersonStatus.ACTIVE);
        assertThat(users().findByEmail(lea.email()).block().id()).isEqualTo(lea.id());
    }

    @Test
    void theActiveOwnersAreTheAgencysOwnNotDeactivated() {
        User second = user(agency, "Second owner", Role.OWNER);
        User former = user(agency, "Former owner", Role.OWNER);
        user(agency, "Lead", Role.LEAD);
        user(otherAgency, "Other owner", Role.OWNER);
        people.setDeactivated(agency, former.id(), NOON, null).block();
        assertThat(people.lockActiveOwners(agency).block()).containsExactlyInAnyOrder(owner.id(), second.id());
    }

    @Test
    void anInvitationIsFoundByItsLinkRenewedRevokedOrAcceptedOnce() {
        byte[] link = RandomHashes.sha256Sized();
        Invitation sent = people.insertInvitation(invitation(agency, "new." + UUID.randomUUID() + "@agency.example",
                NOON), link).block();
        assertThat(people.findInvitation(agency, sent.id()).block()).isEqualTo(sent);
        assertThat(people.findByTokenForUpdate(link.clone()).block()).isEqualTo(sent);

        // sent again: a new link and expiry; the old link opens nothing
        byte[] again = RandomHashes.sha256Sized();
        Invitation renewed = people.replaceToken(agency, sent.id(), again, NOON.plus(Duration.ofDays(1)),
                NOON.plus(Duration.ofDays(8))).block();
        assertThat(renewed.expiresAt()).isEqualTo(NOON.plus(Duration.ofDays(8)));
        assertThat(renewed.version()).isEqualTo(1);
        assertThat(people.findByTokenForUpdate(link).block()).isNull();
        assertThat(people.findByTokenForUpdate(again).block()).isEqualTo(renewed);

        people.markAccepted(agency, sent.id(), owner.id(), NOON.plus(Duration.ofDays(2))).block();
        Invitation accepted = people.findInvitation(agency, sent.id()).block();
        assertThat(accepted.acceptedAt()).isEqualTo(NOON.plus(Duration.ofDays(2)));
        // accepted: no new link, and a revocation answers it as it is
        assertThat(people.replaceToken(agency, sent.id(), RandomHashes.sha256Sized(), NOON, NOON.plus(Duration
                .ofDays(7))).block()).isNull();
        assertThat(people.revokeInvitation(agency, sent.id(), NOON.plus(Duration.ofDays(3))).block())
                .isEqualTo(accepted);
        assertThat(people.findOpenInvitations(agency).collectList().block()).isEmpty();
    }

    @Test
    void openInvitationsComeNewestFirstAndARevokedOneLeavesThem() {
        Invitation older = people.insertInvitation(invitation(agency, "a." + UUID.randomUUID() + "@agency.example",
                NOON), RandomHashes.sha256Sized()).block();
        Invitation newer = people.insertInvitation(invitation(agency, "b." + UUID.randomUUID() + "@agency.example",
                NOON.plus(Duration.ofHours(1))), RandomHashes.sha256Sized()).block();
        assertThat(people.findOpenInvitations(agency).collectList().block()).containsExactly(newer, older);
        Invitation revoked = people.revokeInvitation(agency, older.id(), NOON.plus(Duration.ofHours(2))).block();
        assertThat(revoked.revokedAt()).isEqualTo(NOON.plus(Duration.ofHours(2)));
        // revoked again later: answered as it is, first revocation kept
        assertThat(people.revokeInvitation(agency, older.id(), NOON.plus(Duration.ofHours(3))).block())
                .isEqualTo(revoked);
        assertThat(people.findOpenInvitations(agency).collectList().block()).containsExactly(newer);
    }

    @Test
    void anAddressIsUsedByAUserOfAnyAgencyOrAPendingInvitationOfThisOne() {
        User elsewhere = user(otherAgency, "Elsewhere", Role.LEAD);
        Invitation pending = people.insertInvitation(invitation(agency, "p." + UUID.randomUUID() + "@agency.example",
                NOON), RandomHashes.sha256Sized()).block();
        String free = "free." + UUID.randomUUID() + "@agency.example";
        assertThat(people.userWithEmail(elsewhere.email()).block()).isTrue();
        assertThat(people.userWithEmail(free).block()).isFalse();
        assertThat(people.lockAndCheckAddressUsed(agency, elsewhere.email(), NOON, null).block()).isTrue();
        assertThat(people.lockAndCheckAddressUsed(agency, pending.email(), NOON, null).block()).isTrue();
        // the invitation itself, sent again, does not count against its own address
        assertThat(people.lockAndCheckAddressUsed(agency, pending.email(), NOON, pending.id()).block()).isFalse();
        // expired at its expiry (7 days): the address is free again
        assertThat(people.lockAndCheckAddressUsed(agency, pending.email(), NOON.plus(Duration.ofDays(7)), null)
                .block()).isFalse();
        // another agency's pending invitation does not hold the address here
        assertThat(people.lockAndCheckAddressUsed(otherAgency, pending.email(), NOON, null).block()).isFalse();
        assertThat(people.lockAndCheckAddressUsed(agency, free, NOON, null).block()).isFalse();
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheAgencysPeople() {
        User lea = user(agency, "Léa", Role.LEAD);
        ClientId client = world().newClient(agency, "Client");
        Invitation sent = people.insertInvitation(invitation(agency, "i." + UUID.randomUUID() + "@agency.example",
                NOON), RandomHashes.sha256Sized()).block();

        assertThat(people.findPeople(otherAgency).map(Person::id).collectList().block()).doesNotContain(lea.id());
        assertThat(people.clientExists(agency, client).block()).isTrue();
        assertThat(people.clientExists(otherAgency, client).block()).isFalse();
        assertThat(people.findInvitation(otherAgency, sent.id()).block()).isNull();
        assertThat(people.findOpenInvitations(otherAgency).collectList().block()).isEmpty();
        assertThat(people.lockActiveOwners(otherAgency).block()).doesNotContain(owner.id());

        // the right ids and versions, claimed by the other agency: nothing written
        assertThat(people.updateRole(otherAgency, lea.id(), Role.OWNER, null, 0L).block()).isNull();
        assertThat(people.setDeactivated(otherAgency, lea.id(), NOON, null).block()).isNull();
        assertThat(people.replaceToken(otherAgency, sent.id(), RandomHashes.sha256Sized(), NOON,
                NOON.plus(Duration.ofDays(7))).block()).isNull();
        assertThat(people.revokeInvitation(otherAgency, sent.id(), NOON).block()).isNull();
        people.markAccepted(otherAgency, sent.id(), lea.id(), NOON).block();

        Person stillLead = people.findPerson(agency, lea.id()).block();
        assertThat(stillLead.role()).isEqualTo(Role.LEAD);
        assertThat(stillLead.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(people.findInvitation(agency, sent.id()).block()).isEqualTo(sent);
    }

    private User user(AgencyId agencyId, String name, Role role) {
        return world().newUser(agencyId, name, role);
    }

    /** A LEAD invited by the owner in English, for 7 days. */
    private Invitation invitation(AgencyId agencyId, String email, Instant at) {
        return new Invitation(UUID.randomUUID(), agencyId, email, Role.LEAD, null, "en", owner.id(), at,
                at.plus(Duration.ofDays(7)), null, null, 0);
    }
}
