package io.cordee.core.timesheet;

import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;
import java.time.LocalDate;
import java.util.UUID;

/** Actual time: {@code minutes} worked by a team member on a project on one day (V40). */
public record TimeEntry(UUID id, TeamMemberId memberId, ProjectId projectId, LocalDate date, int minutes,
                        String source, String key) {
}
