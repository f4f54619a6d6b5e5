package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One point of the game plan, decided together: what, which side owns it and who on that side, by
 * when, and where it stands. Optionally tied to one project of the same client.
 */
public record Agreement(AgreementId id, AgencyId agencyId, ClientId clientId, ProjectId projectId, String what,
                        Side ownerSide, String ownerName, LocalDate dueDate, AgreementStatus status,
                        LocalDate doneDate, long version) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(ownerSide, "ownerSide");
        Objects.requireNonNull(status, "status");
        if ((status == AgreementStatus.DONE) != (doneDate != null)) {
            throw new IllegalArgumentException("a done date goes with the DONE status, and only with it");
        }
    }

    /** Done by {@code asOf}, at or before its due date (any time when it has none). */
    public boolean keptOnTime(LocalDate asOf) {
        return doneBy(asOf) && (dueDate == null || !doneDate.isAfter(dueDate));
    }

    /** Whether it counts in the reciprocity balance as of a date: done by then, or due before it (dropped never). */
    public boolean countsAsOf(LocalDate asOf) {
        return status != AgreementStatus.DROPPED && (doneBy(asOf) || (dueDate != null && dueDate.isBefore(asOf)));
    }

    private boolean doneBy(LocalDate asOf) {
        return status == AgreementStatus.DONE && !doneDate.isAfter(asOf);
    }
}
