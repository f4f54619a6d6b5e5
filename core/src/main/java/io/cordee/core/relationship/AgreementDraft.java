package io.cordee.core.relationship;

import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/** The editable fields of an agreement; on update, null means "leave as it is". */
public record AgreementDraft(ProjectId projectId, String what, Side ownerSide, String ownerName, LocalDate dueDate,
                             AgreementStatus status, LocalDate doneDate) {
}
