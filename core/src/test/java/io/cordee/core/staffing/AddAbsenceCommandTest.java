package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An absence's fields (ADR 79): each valid case at its bounds, each broken field with its code. */
class AddAbsenceCommandTest {

    private static final TeamMemberId ADA = new TeamMemberId(new UUID(0, 31));
    private static final LocalDate SEP_7 = LocalDate.of(2026, 9, 7);

    @Test
    void aValidAbsenceKeepsItsStrippedNote() {
        AddAbsenceCommand c = new AddAbsenceCommand(ADA, Absence.Kind.LEAVE, SEP_7, LocalDate.of(2026, 9, 11),
                "  Holiday ");
        assertThat(c.note()).isEqualTo("Holiday");
        // the bounds: one day; 365 days apart (2026-09-07 + 365 = 2027-09-07), a note of 500 characters
        new AddAbsenceCommand(ADA, Absence.Kind.TRAINING, SEP_7, SEP_7, "n".repeat(500));
        new AddAbsenceCommand(ADA, Absence.Kind.OTHER, SEP_7, LocalDate.of(2027, 9, 7), null);
        assertThat(new AddAbsenceCommand(ADA, new AbsenceDraft(Absence.Kind.LEAVE, SEP_7, SEP_7, null)))
                .isEqualTo(new AddAbsenceCommand(ADA, Absence.Kind.LEAVE, SEP_7, SEP_7, null));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new AddAbsenceCommand(null, Absence.Kind.LEAVE, SEP_7, SEP_7, null), "teamMemberId",
                ErrorCode.REQUIRED);
        refused(() -> new AddAbsenceCommand(ADA, null, SEP_7, SEP_7, null), "kind", ErrorCode.REQUIRED);
        refused(() -> new AddAbsenceCommand(ADA, Absence.Kind.LEAVE, SEP_7, LocalDate.of(2026, 9, 6), null), "to",
                ErrorCode.INVALID_DATE_ORDER);
        // 366 days apart (2027-09-08): a departure, not an absence
        assertThat(refused(() -> new AddAbsenceCommand(ADA, Absence.Kind.LEAVE, SEP_7, LocalDate.of(2027, 9, 8),
                null), "to", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("an absence lasts at most 366 days; record a departure instead");
        refused(() -> new AddAbsenceCommand(ADA, Absence.Kind.LEAVE, SEP_7, SEP_7, "n".repeat(501)), "note",
                ErrorCode.TOO_LONG);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new AddAbsenceCommand(ADA, null, null, null, null), "kind REQUIRED", "from REQUIRED",
                "to REQUIRED");
    }
}
