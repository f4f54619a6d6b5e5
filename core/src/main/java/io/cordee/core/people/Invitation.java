package io.cordee.core.people;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/** A one-time link to join the agency with a role (ADR 30); its token is never kept, only its SHA-256. */
public record Invitation(UUID id, AgencyId agencyId, String email, Role role, ClientId clientId, String language,
                         UserId invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt,
                         Instant revokedAt, long version) {

    public InvitationStatus status(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }
}
