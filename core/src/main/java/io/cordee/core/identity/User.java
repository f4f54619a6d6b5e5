package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import java.util.Objects;

/** A person who signs in. A {@code CLIENT} user is tied to exactly one client; others to none. */
public record User(UserId id, AgencyId agencyId, String email, String displayName, Role role, ClientId clientId,
                   String passwordHash) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if ((role == Role.CLIENT) != (clientId != null)) {
            throw new IllegalArgumentException("a CLIENT user has a client, and only a CLIENT user has one");
        }
    }

    public Caller asCaller() {
        return new Caller(id, agencyId, role, clientId);
    }
}
