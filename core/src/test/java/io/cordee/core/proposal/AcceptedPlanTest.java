package io.cordee.core.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.Milestone;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The billing plan an accepted option becomes (project: 2 Nov 2026 to 31 Jan 2027). */
class AcceptedPlanTest {

    static final LocalDate DESIGN = LocalDate.of(2026, 12, 1);
    static final LocalDate LAUNCH = LocalDate.of(2027, 1, 31);

    @Test
    void monthlyBillingWithTheDepositAsked() {
        BillingPlan current = new BillingPlan(10, List.of(new Milestone("Design", DESIGN, 90)), false);
        assertThat(ProposalService.plan(new ProposalOption(30, true, null), current, ProposalCalculatorTest.site()))
                .isEqualTo(new BillingPlan(30, List.of(), true));
        // monthly alone keeps the deposit the plan had
        assertThat(ProposalService.plan(new ProposalOption(null, true, 15), current, ProposalCalculatorTest.site()))
                .isEqualTo(new BillingPlan(10, List.of(), true));
    }

    @Test
    void aDepositAloneKeepsTheMilestonesScaledToWhatItLeaves() {
        // 10 + 30 + 60: a 30 % deposit leaves 70, shared 30 : 60 → 70 × 30 / 90 = 23 (rounded down), 70 − 23 = 47
        BillingPlan current = new BillingPlan(10, List.of(new Milestone("Design", DESIGN, 30),
                new Milestone("Launch", LAUNCH, 60)), false);
        BillingPlan plan = ProposalService.plan(new ProposalOption(30, false, null), current,
                ProposalCalculatorTest.site());
        assertThat(plan).isEqualTo(new BillingPlan(30, List.of(new Milestone("Design", DESIGN, 23),
                new Milestone("Launch", LAUNCH, 47)), false));
        plan.validate(ProposalCalculatorTest.AS_OF, LAUNCH);
    }

    @Test
    void aDepositOnAProjectWithoutAPlanLeavesTheRestAtTheLaunch() {
        assertThat(ProposalService.plan(new ProposalOption(30, false, null), null, ProposalCalculatorTest.site()))
                .isEqualTo(new BillingPlan(30, List.of(new Milestone("Launch", LAUNCH, 70)), false));
        assertThat(ProposalService.plan(new ProposalOption(100, false, null), null, ProposalCalculatorTest.site()))
                .isEqualTo(new BillingPlan(100, List.of(), false));
    }
}
