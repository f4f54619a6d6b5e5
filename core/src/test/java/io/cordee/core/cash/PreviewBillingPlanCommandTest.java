package io.cordee.core.cash;

import static io.cordee.core.common.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.SetBillingPlanCommand;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A billing plan's preview (ADR 79): a valid plan and 1 to 104 weeks, the horizon named when out of range. */
class PreviewBillingPlanCommandTest {

    // a deposit of 30 % and one milestone of 70 %: 30 + 70 = 100 %
    private static final SetBillingPlanCommand PLAN = new SetBillingPlanCommand(new ProjectId(new UUID(0, 1)), null,
            30, List.of(new Milestone("Launch", LocalDate.of(2027, 9, 30), 70)), false);

    @Test
    void oneTo104WeeksAreValid() {
        assertThat(new PreviewBillingPlanCommand(PLAN, 1).horizonWeeks()).isEqualTo(1);
        assertThat(new PreviewBillingPlanCommand(PLAN, 104).plan()).isEqualTo(PLAN);
    }

    @Test
    void aHorizonOutOfRangeIsNamedWithItsCode() {
        assertThat(refused(() -> new PreviewBillingPlanCommand(PLAN, 105), "horizonWeeks", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be between 1 and 104 (got 105)");
        refused(() -> new PreviewBillingPlanCommand(PLAN, 0), "horizonWeeks", ErrorCode.OUT_OF_RANGE);
        // no plan is a caller's mistake, not an input to correct
        assertThat(catchThrowable(() -> new PreviewBillingPlanCommand(null, 52)))
                .isInstanceOf(NullPointerException.class).hasMessage("plan");
    }
}
