package io.cordee.core.timesheet;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of a tracker's export as read (ADR 79): each valid case at its bounds, each broken field with its code. */
class ImportTimesheetCommandTest {

    private static final LocalDate MAY_3 = LocalDate.of(2027, 5, 3);
    private static final String KEY = "a".repeat(64);

    @Test
    void aValidImportKeepsItsRowsAndIssues() {
        List<TimesheetIssue> issues = List.of(new TimesheetIssue(5, "Date", "not a date"));
        ImportTimesheetCommand c = new ImportTimesheetCommand(" HARVEST ", List.of(row(2, 1, "Site", KEY)), issues,
                true);
        assertThat(c.source()).isEqualTo("HARVEST");
        assertThat(c.rows()).hasSize(1);
        assertThat(c.readIssues()).isEqualTo(issues);
        assertThat(c.dryRun()).isTrue();
        // the bounds: a row at line 2, 1 minute and 1,440 (24 hours), a key of 200 characters, 20,000 rows
        new ImportTimesheetCommand("TOGGL", List.of(row(2, 1440, "Site", "k".repeat(200))), List.of(), false);
        new ImportTimesheetCommand("TOGGL", Collections.nCopies(20_000, row(3, 60, "Site", KEY)), List.of(), false);
        // no rows at all (every line of zero duration) is an import of nothing, not a refusal
        assertThat(new ImportTimesheetCommand("TOGGL", List.of(), List.of(), false).rows()).isEmpty();
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new ImportTimesheetCommand(" ", List.of(), List.of(), false), "format", ErrorCode.REQUIRED);
        refused(() -> new ImportTimesheetCommand("TOGGL", null, List.of(), false), "rows", ErrorCode.REQUIRED);
        refused(() -> new ImportTimesheetCommand("TOGGL", List.of(), null, false), "readIssues", ErrorCode.REQUIRED);
        assertThat(refused(() -> command(row(1, 60, "Site", KEY)), "rows[0].row", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be 2 or more: the header is line 1 (got 1)");
        refused(() -> command(row(2, 0, "Site", KEY)), "rows[0].minutes", ErrorCode.OUT_OF_RANGE);
        // 1,441 minutes: a minute more than a day
        refused(() -> command(row(2, 1441, "Site", KEY)), "rows[0].minutes", ErrorCode.OUT_OF_RANGE);
        refused(() -> command(row(2, 60, " ", KEY)), "rows[0].project", ErrorCode.REQUIRED);
        refused(() -> command(row(2, 60, "Site", "")), "rows[0].key", ErrorCode.REQUIRED);
        refused(() -> command(row(2, 60, "Site", "k".repeat(201))), "rows[0].key", ErrorCode.TOO_LONG);
        refused(() -> command(new TimesheetRow(2, null, "Ben", "User", null, "Client", "Site", "Project", null, 60,
                KEY)), "rows[0].date", ErrorCode.REQUIRED);
        refused(() -> command(new TimesheetRow(2, null, "Ben", null, null, "Client", "Site", "Project", MAY_3, 60,
                KEY)), "rows[0].personColumn", ErrorCode.REQUIRED);
        refused(() -> new ImportTimesheetCommand("TOGGL", Collections.singletonList(null), List.of(), false),
                "rows[0]", ErrorCode.REQUIRED);
        // 20,001 rows: one more than a file may have, told as the reader tells it
        assertThat(refused(() -> new ImportTimesheetCommand("TOGGL", Collections.nCopies(20_001,
                row(2, 60, "Site", KEY)), List.of(), false), "content", ErrorCode.IMPORT_FILE_INVALID))
                .isEqualTo("more than 20000 lines: export a shorter period");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        List<TimesheetRow> rows = new ArrayList<>(List.of(row(2, 60, "Site", KEY), row(3, 0, "", KEY)));
        refusedAll(() -> new ImportTimesheetCommand(null, rows, List.of(), false), "format REQUIRED",
                "rows[1].minutes OUT_OF_RANGE", "rows[1].project REQUIRED");
    }

    private static ImportTimesheetCommand command(TimesheetRow row) {
        return new ImportTimesheetCommand("HARVEST", List.of(row), List.of(), false);
    }

    private static TimesheetRow row(int line, int minutes, String project, String key) {
        return new TimesheetRow(line, null, "Ben Martin", "First Name", "Nuvola", "Client", project, "Project", MAY_3,
                minutes, key);
    }
}
