package io.cordee.core.audit;

import io.cordee.core.client.ClientId;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Which entries to read. {@code actorUserId} is the person who made the change; {@code from} and {@code to} are
 * days in the agency's time zone, both included (ADR 59). {@code clientId} and {@code signOffsOnly} are set by
 * {@link AuditService} for a client user, never by the request.
 */
public record AuditFilter(String entityType, UUID entityId, String operation, UUID actorUserId, LocalDate from,
                          LocalDate to, ClientId clientId, boolean signOffsOnly) {

    public static AuditFilter of(String entityType, UUID entityId, String operation) {
        return new AuditFilter(entityType, entityId, operation, null, null, null, null, false);
    }

    /** This filter, narrowed to one person's changes and a range of days (either end may be open). */
    public AuditFilter by(UUID actor, LocalDate fromDay, LocalDate toDay) {
        return new AuditFilter(entityType, entityId, operation, actor, fromDay, toDay, clientId, signOffsOnly);
    }

    AuditFilter restrictedToSignOffsOf(ClientId client) {
        return new AuditFilter(entityType, entityId, operation, actorUserId, from, to, client, true);
    }
}
