package io.cordee.core.common;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.UserId;
import java.util.Objects;
import java.util.UUID;

/**
 * Who a write is done for, recorded by the audit trail: the signed-in user, the API token they sent
 * (null for a browser session), the request that carried the write and its operation (the mutation
 * fields), so the rows of one mutation can be grouped.
 */
public record Actor(AgencyId agencyId, UserId userId, UUID tokenId, String requestId, String operation) {

    public Actor {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(userId, "userId");
    }

    /** A write done by a user outside a request of the API (no token, no request id), for {@code operation}. */
    public static Actor of(AgencyId agencyId, UserId userId, String operation) {
        return new Actor(agencyId, userId, null, null, operation);
    }
}
