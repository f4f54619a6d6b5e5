package io.cordee.core.staffing;

import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/** The editable fields of an allocation; on update, null means "leave as it is". */
public record AllocationDraft(TeamMemberId memberId, ProjectId projectId, Integer sharePercent, LocalDate from,
                              LocalDate to) {
}
