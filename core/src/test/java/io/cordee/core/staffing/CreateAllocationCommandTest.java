package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An allocation's fields (ADR 79): each valid case at its bounds, each broken field with its code. */
class CreateAllocationCommandTest {

    private static final TeamMemberId ANA = new TeamMemberId(new UUID(0, 21));
    private static final ProjectId SITE = new ProjectId(new UUID(0, 5));
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    @Test
    void theBoundsAreInclusive() {
        // one day (start = end) at 1 %; 100 %
        CreateAllocationCommand c = new CreateAllocationCommand(ANA, SITE, 1, MAY_1, MAY_1);
        assertThat(c.sharePercent()).isEqualTo(1);
        new CreateAllocationCommand(ANA, SITE, 100, MAY_1, LocalDate.of(2026, 5, 31));
        // 3 × 366 = 1,098 days after 1 May 2026 is 3 May 2029 (365 + 366 with 29 Feb 2028 + 365 = 1,096 to 1 May 2029, + 2)
        assertThat(MAY_1.plusDays(1_098)).isEqualTo(LocalDate.of(2029, 5, 3));
        new CreateAllocationCommand(ANA, SITE, 50, MAY_1, LocalDate.of(2029, 5, 3));
        assertThat(new CreateAllocationCommand(new AllocationDraft(ANA, SITE, 50, MAY_1, MAY_1)))
                .isEqualTo(new CreateAllocationCommand(ANA, SITE, 50, MAY_1, MAY_1));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        // the three StaffingTest expects through the API
        refused(() -> new CreateAllocationCommand(ANA, SITE, 0, MAY_1, MAY_1), "sharePercent", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateAllocationCommand(ANA, SITE, 150, MAY_1, MAY_1), "sharePercent",
                ErrorCode.OUT_OF_RANGE);
        assertThat(refused(() -> new CreateAllocationCommand(ANA, SITE, 50, LocalDate.of(2026, 5, 31), MAY_1),
                "endDate", ErrorCode.INVALID_DATE_ORDER)).isEqualTo("must not be before startDate (2026-05-31)");
        // 1,099 days: one too many
        assertThat(refused(() -> new CreateAllocationCommand(ANA, SITE, 50, MAY_1, LocalDate.of(2029, 5, 4)),
                "endDate", ErrorCode.OUT_OF_RANGE)).isEqualTo("an allocation lasts at most three years");
        refused(() -> new CreateAllocationCommand(null, SITE, 50, MAY_1, MAY_1), "teamMemberId", ErrorCode.REQUIRED);
        refused(() -> new CreateAllocationCommand(ANA, null, 50, MAY_1, MAY_1), "projectId", ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new CreateAllocationCommand(null, null, null, null, null), "teamMemberId REQUIRED",
                "projectId REQUIRED", "sharePercent REQUIRED", "startDate REQUIRED", "endDate REQUIRED");
        refusedAll(() -> new CreateAllocationCommand(ANA, SITE, 101, LocalDate.of(2026, 5, 31), MAY_1),
                "endDate INVALID_DATE_ORDER", "sharePercent OUT_OF_RANGE");
    }
}
