package io.cordee.core.timesheet;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A project's timesheet as asked (ADR 79): 1 to 26 weeks from the Monday of a day, each broken field named. */
class ProjectTimesheetCommandTest {

    private static final ProjectId PROJECT = new ProjectId(new UUID(0, 4));
    /** A Thursday: its week starts on Monday 2027-05-03. */
    private static final LocalDate MAY_6 = LocalDate.of(2027, 5, 6);

    @Test
    void oneTo26WeeksFromTheMondayOfTheDay() {
        assertThat(new ProjectTimesheetCommand(PROJECT, MAY_6, 1).monday()).isEqualTo(LocalDate.of(2027, 5, 3));
        // a Monday is its own week's start
        assertThat(new ProjectTimesheetCommand(PROJECT, LocalDate.of(2027, 5, 3), 26).monday())
                .isEqualTo(LocalDate.of(2027, 5, 3));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new ProjectTimesheetCommand(PROJECT, MAY_6, 27), "weeks", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be 1–26");
        refused(() -> new ProjectTimesheetCommand(PROJECT, MAY_6, 0), "weeks", ErrorCode.OUT_OF_RANGE);
        refused(() -> new ProjectTimesheetCommand(PROJECT, null, 8), "from", ErrorCode.REQUIRED);
        refused(() -> new ProjectTimesheetCommand(null, MAY_6, 8), "projectId", ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new ProjectTimesheetCommand(null, null, 0), "projectId REQUIRED", "from REQUIRED",
                "weeks OUT_OF_RANGE");
    }
}
