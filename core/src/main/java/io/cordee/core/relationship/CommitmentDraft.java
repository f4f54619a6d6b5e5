package io.cordee.core.relationship;

import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/** The editable fields of a commitment; on update, null means "leave as it is". */
public record CommitmentDraft(ProjectId projectId, CommitmentKind kind, String title, LocalDate dueDate,
                              LocalDate deliveredDate) {
}
