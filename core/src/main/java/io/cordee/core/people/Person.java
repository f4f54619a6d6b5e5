package io.cordee.core.people;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.time.Instant;

/** A user of the agency as the people page shows them. Last sign-in is the newest session's start. */
public record Person(UserId id, AgencyId agencyId, String email, String displayName, Role role, ClientId clientId,
                     Instant deactivatedAt, Instant lastSignedInAt, Instant createdAt, long version) {

    public PersonStatus status() {
        return deactivatedAt == null ? PersonStatus.ACTIVE : PersonStatus.DEACTIVATED;
    }

    public boolean activeOwner() {
        return role == Role.OWNER && deactivatedAt == null;
    }
}
