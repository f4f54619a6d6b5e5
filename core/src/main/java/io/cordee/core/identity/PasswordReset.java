package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import java.time.Instant;
import java.util.UUID;

/** A password reset link issued to a user (ADR 39): valid once, until {@code expiresAt}. */
public record PasswordReset(UUID id, AgencyId agencyId, UserId userId, Instant createdAt, Instant expiresAt,
                            Instant usedAt) {
}
