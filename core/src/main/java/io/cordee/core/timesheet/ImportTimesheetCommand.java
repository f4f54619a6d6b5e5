package io.cordee.core.timesheet;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.util.List;

/**
 * Import a time tracker's export (use case {@link TimesheetService#importRows(io.cordee.core.identity.Caller,
 * ImportTimesheetCommand)}), as its reader left it: the tracker, the rows read and the reader's issues. Valid on its
 * own (ADR 79): a tracker named; at most {@value #MAX_ROWS} rows; each row at line 2 or later (the header is line 1),
 * with a date, 1 to {@value #MAX_MINUTES} minutes (a day), a project, the columns an issue is told at and a key of 1
 * to 200 characters. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken
 * field ({@code rows[3].minutes}). The file's own rules
 * (its size, its columns, a date or an hour that does not parse) are its reader's, which tells them as issues at
 * their row and column; a reader that keeps them never builds a refused command. Matching a row to a member and a
 * project needs the agency's data: the service does it.
 */
public record ImportTimesheetCommand(String source, List<TimesheetRow> rows, List<TimesheetIssue> readIssues,
                                     boolean dryRun) {

    /** The most lines of one import: a file with more is refused while it is read. */
    public static final int MAX_ROWS = 20_000;
    /** A row is at most a day of time. */
    public static final int MAX_MINUTES = 24 * 60;
    static final int MAX_KEY_LENGTH = 200;

    public ImportTimesheetCommand {
        Validator v = new Validator().requiredText("format", source, 40).required("rows", rows)
                .required("readIssues", readIssues);
        if (rows != null) {
            v.check(rows.size() <= MAX_ROWS, "content", "more than " + MAX_ROWS + " lines: export a shorter period",
                    ErrorCode.IMPORT_FILE_INVALID);
            for (int i = 0; i < rows.size() && i < MAX_ROWS; i++) {
                row(v, "rows[" + i + "]", rows.get(i));
            }
        }
        v.throwIfInvalid();
        source = source.strip();
        rows = List.copyOf(rows);
        readIssues = List.copyOf(readIssues);
    }

    private static void row(Validator v, String at, TimesheetRow row) {
        if (row == null) {
            v.check(false, at, "is required", ErrorCode.REQUIRED);
            return;
        }
        v.check(row.row() >= 2, at + ".row", "must be 2 or more: the header is line 1 (got " + row.row() + ")",
                        ErrorCode.OUT_OF_RANGE)
                .required(at + ".date", row.date())
                .range(at + ".minutes", row.minutes(), 1, MAX_MINUTES)
                .check(row.project() != null && !row.project().isBlank(), at + ".project", "must not be empty",
                        ErrorCode.REQUIRED)
                .requiredText(at + ".personColumn", row.personColumn(), 40)
                .requiredText(at + ".clientColumn", row.clientColumn(), 40)
                .requiredText(at + ".projectColumn", row.projectColumn(), 40)
                .requiredText(at + ".key", row.key(), MAX_KEY_LENGTH);
    }
}
