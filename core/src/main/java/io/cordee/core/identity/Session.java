package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import java.time.Instant;
import java.util.UUID;

/** A signed-in browser session. Only the SHA-256 hash of its token is ever stored. */
public record Session(UUID id, AgencyId agencyId, UserId userId, byte[] tokenHash, Instant createdAt,
                      Instant expiresAt) {
}
