package io.cordee.core.billing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules of a billing plan itself (ADR 79), checked when the command is built; its dates against the project's
 * are {@link BillingPlan#checkAgainstProject}'s (BillingPlanTest).
 */
class SetBillingPlanCommandTest {

    private static final ProjectId PROJECT = new ProjectId(new UUID(0, 5));
    private static final LocalDate DESIGN = LocalDate.of(2026, 7, 1);
    private static final LocalDate LAUNCH = LocalDate.of(2026, 8, 31);

    @Test
    void sharesThatAddUpTo100AndAMonthlyPlanAreValid() {
        // 30 + 30 + 40 = 100 %
        SetBillingPlanCommand c = new SetBillingPlanCommand(PROJECT, 2L, 30, List.of(
                new Milestone("Design", DESIGN, 30), new Milestone("Launch", LAUNCH, 40)), false);
        assertThat(c.plan()).isEqualTo(new BillingPlan(30, List.of(new Milestone("Design", DESIGN, 30),
                new Milestone("Launch", LAUNCH, 40)), false));
        assertThat(c.expectedVersion()).isEqualTo(2L);
        // a deposit of 100 % alone adds up too; a monthly plan needs no milestone and any deposit of 0–100 %
        assertThat(new SetBillingPlanCommand(PROJECT, null, 100, null, false).plan().milestones()).isEmpty();
        new SetBillingPlanCommand(PROJECT, null, 0, List.of(), true);
        new SetBillingPlanCommand(PROJECT, null, 100, List.of(), true);
        // the same command from a plan already built (a deal's, an accepted proposal's)
        assertThat(new SetBillingPlanCommand(PROJECT, 4L, new BillingPlan(20, List.of(), true)))
                .isEqualTo(new SetBillingPlanCommand(PROJECT, 4L, 20, List.of(), true));
    }

    @Test
    void fiftyMilestonesAreAcceptedAndFiftyOneRefused() {
        // 50 milestones of 2 % = 100 %; 51 of 2 % = 102 %, so the total is named too
        assertThat(new SetBillingPlanCommand(PROJECT, null, 0, milestones(50, 2), false).milestones()).hasSize(50);
        refusedAll(() -> new SetBillingPlanCommand(PROJECT, null, 0, milestones(51, 2), false),
                "milestones OUT_OF_RANGE", "milestones OUT_OF_RANGE");
    }

    @Test
    void eachBrokenRuleIsNamedWithItsCodeAndMessage() {
        refused(() -> new SetBillingPlanCommand(null, null, 100, List.of(), false), "projectId", ErrorCode.REQUIRED);
        // 30 + 40 + 40 = 110 %: the message BillingAndCashTest reads
        assertThat(refused(() -> new SetBillingPlanCommand(PROJECT, null, 30, List.of(
                        new Milestone("Design", DESIGN, 40), new Milestone("Launch", LAUNCH, 40)), false), "milestones",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("deposit and milestones must add up to 100 % (they add up to 110 %)");
        assertThat(refused(() -> new SetBillingPlanCommand(PROJECT, null, 20, List.of(
                        new Milestone("Design", DESIGN, 80)), true), "milestones", ErrorCode.INVALID_FORMAT))
                .isEqualTo("a monthly plan has no milestones");
        refused(() -> new SetBillingPlanCommand(PROJECT, null, 101, List.of(), true), "depositPercent",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new SetBillingPlanCommand(PROJECT, null, -1, List.of(), true), "depositPercent",
                ErrorCode.OUT_OF_RANGE);
        // 100 + 0: adds up, but a milestone of 0 % invoices nothing
        refused(() -> new SetBillingPlanCommand(PROJECT, null, 100, List.of(new Milestone("Nothing", DESIGN, 0)),
                false), "milestones[0].sharePercent", ErrorCode.OUT_OF_RANGE);
        refused(() -> new SetBillingPlanCommand(PROJECT, null, 0, List.of(new Milestone("Launch", null, 100)),
                false), "milestones[0].date", ErrorCode.REQUIRED);
        refused(() -> new SetBillingPlanCommand(PROJECT, null, 0, List.of(new Milestone("L".repeat(201), LAUNCH,
                100)), false), "milestones[0].label", ErrorCode.TOO_LONG);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndADateBeforeTheStartIsNotItsBusiness() {
        // 30 + 40 + 20 = 90 %, and a blank label; the kick-off on 1 March before a start on 15 March is left to
        // BillingPlan.checkAgainstProject, which knows the project
        refusedAll(() -> new SetBillingPlanCommand(PROJECT, null, 30, List.of(
                        new Milestone("Kick-off", LocalDate.of(2026, 3, 1), 40), new Milestone(" ", LAUNCH, 20)), false),
                "milestones OUT_OF_RANGE", "milestones[1].label REQUIRED");
    }

    private static List<Milestone> milestones(int count, int share) {
        List<Milestone> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Milestone("M" + (i + 1), DESIGN.plusDays(i), share));
        }
        return list;
    }
}
