package io.cordee.core.people;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.mail.Letterhead;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the agency's users as people, and its invitations (V21). */
public interface PeopleRepository {

    /** The agency's name and language, for the invitation mail. */
    Mono<Letterhead> letterhead(AgencyId agencyId);

    /** The agency's users, deactivated ones included, by display name ignoring case, then id. */
    Flux<Person> findPeople(AgencyId agencyId);

    Mono<Person> findPerson(AgencyId agencyId, UserId id);

    /** Invitations neither accepted nor revoked (pending or expired), newest first. */
    Flux<Invitation> findOpenInvitations(AgencyId agencyId);

    Mono<Invitation> findInvitation(AgencyId agencyId, UUID id);

    /** The invitation behind a link, in any agency; locks its row until the end of the transaction. */
    Mono<Invitation> findByTokenForUpdate(byte[] tokenHash);

    Mono<Boolean> clientExists(AgencyId agencyId, ClientId clientId);

    /**
     * Inside a transaction: takes a lock on this address in this agency until the end of the transaction (so two
     * concurrent invitations of one address cannot both pass), then says whether it is used — by a user of any
     * agency (an address signs in to one agency) or by a pending invitation of this agency other than
     * {@code except}.
     */
    Mono<Boolean> lockAndCheckAddressUsed(AgencyId agencyId, String email, Instant now, UUID except);

    /** True when a user of any agency has this address. */
    Mono<Boolean> userWithEmail(String email);

    Mono<Invitation> insertInvitation(Invitation invitation, byte[] tokenHash);

    /** A new token and expiry for an open invitation; empty when it is accepted or revoked. */
    Mono<Invitation> replaceToken(AgencyId agencyId, UUID id, byte[] tokenHash, Instant createdAt, Instant expiresAt);

    /** Revokes an open invitation; an accepted or revoked one is answered as it is. */
    Mono<Invitation> revokeInvitation(AgencyId agencyId, UUID id, Instant now);

    Mono<Void> markAccepted(AgencyId agencyId, UUID id, UserId acceptedBy, Instant now);

    /** Locks the agency's active owners' rows until the end of the transaction and answers their ids. */
    Mono<List<UserId>> lockActiveOwners(AgencyId agencyId);

    /** Sets role and client; empty when {@code expectedVersion} is given and stale. */
    Mono<Person> updateRole(AgencyId agencyId, UserId id, Role role, ClientId clientId, Long expectedVersion);

    /** Sets or clears deactivated_at; empty when {@code expectedVersion} is given and stale. */
    Mono<Person> setDeactivated(AgencyId agencyId, UserId id, Instant deactivatedAt, Long expectedVersion);

    /** Revokes every session and API token of the user at {@code now}. */
    Mono<Void> endAccess(AgencyId agencyId, UserId id, Instant now);
}
