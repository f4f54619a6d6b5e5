package io.cordee.core.identity;

import java.time.Instant;
import java.util.Set;

/** What an owner asks for when creating an API token; {@code expiresAt} null means it never expires. */
public record ApiTokenDraft(String name, ApiTokenAccess access, Set<ApiTokenArea> areas, Instant expiresAt) {
}
