package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the client owes one of its projects (content, assets, feedback, an approval, a decision), by
 * when, and when it was delivered. Late means delivered after the due date, or not delivered and past
 * it.
 */
public record Commitment(CommitmentId id, AgencyId agencyId, ClientId clientId, ProjectId projectId,
                         CommitmentKind kind, String title, LocalDate dueDate, LocalDate deliveredDate,
                         long version) {

    public Commitment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueDate, "dueDate");
    }

    /** Delivered on or before {@code asOf}. */
    public boolean deliveredBy(LocalDate asOf) {
        return deliveredDate != null && !deliveredDate.isAfter(asOf);
    }

    /** Whether it is judged as of a date: delivered by then, or its due date has passed. */
    public boolean countsAsOf(LocalDate asOf) {
        return deliveredBy(asOf) || dueDate.isBefore(asOf);
    }

    /** Delivered after its due date, or not delivered by {@code asOf} although its due date is past. */
    public boolean late(LocalDate asOf) {
        return deliveredBy(asOf) ? deliveredDate.isAfter(dueDate) : dueDate.isBefore(asOf);
    }

    /** Days past the due date: to the delivery, or to {@code asOf} while undelivered; never negative. */
    public long daysLate(LocalDate asOf) {
        LocalDate end = deliveredBy(asOf) ? deliveredDate : asOf;
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, end));
    }
}
