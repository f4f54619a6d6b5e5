package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A partner system's API token, as stored: never its value, only who created it, what it may change
 * and its life (expiry, last use, revocation). {@code hint} is the start of the value
 * ({@code cordee_pat_AbCd}), enough to tell tokens apart in a list and nothing to guess them with.
 */
public record ApiToken(ApiTokenId id, AgencyId agencyId, UserId createdBy, String name, ApiTokenAccess access,
                       Set<ApiTokenArea> areas, String hint, Instant createdAt, Instant expiresAt,
                       Instant lastUsedAt, Instant revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(access, "access");
        areas = areas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(areas));
        if ((access == ApiTokenAccess.READ_ONLY) != areas.isEmpty()) {
            throw new IllegalArgumentException("a READ_WRITE token names its areas, a READ_ONLY one none");
        }
    }

    /** Whether this token may run the mutations of {@code area}. */
    public boolean mayChange(ApiTokenArea area) {
        return access == ApiTokenAccess.READ_WRITE && areas.contains(area);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean isActive(Instant now) {
        return !isRevoked() && !isExpired(now);
    }
}
