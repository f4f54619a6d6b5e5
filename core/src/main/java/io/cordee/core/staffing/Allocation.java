package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A share of one team member's time given to one project between two dates (both included).
 * {@code sharePercent} is 1–100 of the member's own time (their FTE).
 */
public record Allocation(AllocationId id, AgencyId agencyId, TeamMemberId memberId, ProjectId projectId,
                         int sharePercent, LocalDate from, LocalDate to, long version) {

    public Allocation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (sharePercent < 1 || sharePercent > 100) {
            throw new IllegalArgumentException("sharePercent must be 1–100, got " + sharePercent);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    public boolean overlaps(LocalDate start, LocalDate end) {
        return !from.isAfter(end) && !to.isBefore(start);
    }
}
