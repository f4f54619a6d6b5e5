package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stretch of days a team member does not work for the agency's projects: leave, training, other.
 * Both dates are included. It takes away the working days of its range from that member's capacity,
 * the way a public holiday does, and a day that is already a holiday or a weekend is not taken twice.
 * It does not change payroll: people on leave are paid.
 */
public record Absence(AbsenceId id, AgencyId agencyId, TeamMemberId memberId, Kind kind, LocalDate from,
                      LocalDate to, String note, long version) {

    public enum Kind { LEAVE, TRAINING, OTHER }

    public Absence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
