package io.cordee.core.audit;

import io.cordee.core.client.ClientId;
import java.util.UUID;

/**
 * Which entries to read. {@code clientId} and {@code signOffsOnly} are set by {@link AuditService} for a
 * client user, never by the request.
 */
public record AuditFilter(String entityType, UUID entityId, String operation, ClientId clientId,
                          boolean signOffsOnly) {

    public static AuditFilter of(String entityType, UUID entityId, String operation) {
        return new AuditFilter(entityType, entityId, operation, null, false);
    }

    AuditFilter restrictedToSignOffsOf(ClientId client) {
        return new AuditFilter(entityType, entityId, operation, client, true);
    }
}
