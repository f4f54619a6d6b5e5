package io.cordee.core.timesheet;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.project.ProjectId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A project's timesheet as a caller asks for it (the {@code projectTimesheet} query: use case
 * {@link TimesheetService#projectTimesheet(io.cordee.core.identity.Caller, ProjectTimesheetCommand)}). Valid on its
 * own (ADR 79): a project, a first day and 1 to {@value TimesheetService#MAX_WEEKS} weeks. Otherwise the constructor
 * throws {@link io.cordee.core.common.InvalidInput} naming every broken field. Who may see timesheets, and that the
 * project is the agency's, stay with the service.
 */
public record ProjectTimesheetCommand(ProjectId projectId, LocalDate from, int weeks) {

    public ProjectTimesheetCommand {
        new Validator().required("projectId", projectId).required("from", from)
                .check(weeks >= 1 && weeks <= TimesheetService.MAX_WEEKS, "weeks",
                        "must be 1–" + TimesheetService.MAX_WEEKS, ErrorCode.OUT_OF_RANGE)
                .throwIfInvalid();
    }

    /** The Monday of the first day's week: the timesheet is told week by week from it. */
    public LocalDate monday() {
        return from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
