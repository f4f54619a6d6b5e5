package io.cordee.core.staffing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/**
 * Allocate a team member to a project (use case {@link StaffingService#create(io.cordee.core.identity.Caller,
 * CreateAllocationCommand)}). Valid on its own (ADR 79): a team member, a project, a share of 1–100 % of their
 * time, a start and an end not before it, at most {@value #MAX_DAYS} days apart (three years). Otherwise the
 * constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field. A changed allocation
 * must pass the same rules: {@link StaffingService#update} builds one from the merged values. That the member
 * and the project are the agency's stays with the service.
 */
public record CreateAllocationCommand(TeamMemberId memberId, ProjectId projectId, Integer sharePercent,
                                      LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 3 * 366;

    public CreateAllocationCommand {
        Validator v = new Validator()
                .required("teamMemberId", memberId)
                .required("projectId", projectId)
                .required("sharePercent", sharePercent)
                .required("startDate", from)
                .required("endDate", to)
                .notBefore("endDate", to, "startDate", from);
        if (sharePercent != null) {
            v.range("sharePercent", sharePercent, 1, 100);
        }
        if (from != null && to != null) {
            v.check(to.toEpochDay() - from.toEpochDay() <= MAX_DAYS, "endDate",
                    "an allocation lasts at most three years", ErrorCode.OUT_OF_RANGE);
        }
        v.throwIfInvalid();
    }

    /** The command from a draft whose every field is given (a new allocation). */
    public CreateAllocationCommand(AllocationDraft draft) {
        this(draft.memberId(), draft.projectId(), draft.sharePercent(), draft.from(), draft.to());
    }
}
