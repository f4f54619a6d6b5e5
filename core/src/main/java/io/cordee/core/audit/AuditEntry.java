package io.cordee.core.audit;

import io.cordee.core.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One recorded write: who (a user, and the API token they used if any), when, the request and mutation
 * that carried it, which entity (a GraphQL type and its id) through which record (the table), and the
 * fields that changed, old → new.
 *
 * @param actorName the user's display name, when the user still exists
 */
public record AuditEntry(long id, Instant recordedAt, UserId actorUserId, String actorName, UUID actorTokenId,
                         String requestId, String operation, String entityType, UUID entityId, String record,
                         Action action, List<FieldChange> changes) {

    public enum Action {
        INSERT,
        UPDATE,
        DELETE
    }

    /** A changed column; values as text (JSON for arrays and objects), null when absent. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    public AuditEntry {
        changes = List.copyOf(changes);
    }
}
