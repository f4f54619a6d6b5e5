package io.cordee.core.timesheet;

/** Something wrong with one line of a timesheet file: its row (the header is row 1), the column, and why. */
public record TimesheetIssue(int row, String column, String message) {
}
