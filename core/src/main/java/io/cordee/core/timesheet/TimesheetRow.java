package io.cordee.core.timesheet;

import java.time.LocalDate;

/**
 * One line of a time tracker's export, as read (ADR 57): who (an e-mail when the tracker gives one, and a name),
 * for which client and project, on which day, how many minutes. {@code row} is the line's number in the file
 * (the header is row 1); {@code personColumn}, {@code clientColumn} and {@code projectColumn} name the columns an
 * unknown person, client or project is reported at. {@code key} identifies the line for idempotency.
 */
public record TimesheetRow(int row, String email, String person, String personColumn, String client,
                           String clientColumn, String project, String projectColumn, LocalDate date, int minutes,
                           String key) {
}
