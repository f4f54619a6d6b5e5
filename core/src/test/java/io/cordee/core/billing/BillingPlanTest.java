package io.cordee.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cordee.core.billing.BillingPlan.PlannedInvoice;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingPlanTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 15);
    private static final LocalDate LAUNCH = LocalDate.of(2026, 5, 10);

    @Test
    void milestonesAddUpToTheFeeToTheCent() {
        BillingPlan plan = new BillingPlan(30, List.of(new Milestone("Design", LocalDate.of(2026, 4, 1), 40),
                new Milestone("Launch", LAUNCH, 30)), false);
        plan.validate(START, LAUNCH);
        // fee 100,000.01 = 10,000,001 cents
        // deposit ⌊10,000,001 × 30 %⌋ = 3,000,000; design ⌊× 40 %⌋ = 4,000,000; launch takes the rest 3,000,001
        assertThat(plan.invoices(Money.of(10_000_001, "EUR"), START, LAUNCH))
                .extracting(PlannedInvoice::key, PlannedInvoice::issueDate, p -> p.amount().minorUnits())
                .containsExactly(
                        tuple("deposit", START, 3_000_000L),
                        tuple("milestone:1", LocalDate.of(2026, 4, 1), 4_000_000L),
                        tuple("milestone:2", LAUNCH, 3_000_001L));
    }

    @Test
    void monthlyInArrearsSpreadsTheRestOverTheMonthsToLaunch() {
        BillingPlan plan = new BillingPlan(20, List.of(), true);
        plan.validate(START, LAUNCH);
        // fee 90,000.00: deposit 18,000.00, then 72,000.00 over March, April, May = 24,000.00 at each month's end
        assertThat(plan.invoices(Money.of(9_000_000, "EUR"), START, LAUNCH))
                .extracting(PlannedInvoice::key, PlannedInvoice::issueDate, p -> p.amount().minorUnits())
                .containsExactly(
                        tuple("deposit", START, 1_800_000L),
                        tuple("month:2026-03", LocalDate.of(2026, 3, 31), 2_400_000L),
                        tuple("month:2026-04", LocalDate.of(2026, 4, 30), 2_400_000L),
                        tuple("month:2026-05", LocalDate.of(2026, 5, 31), 2_400_000L));
        // 100.00 in three months without deposit: 33.33, 33.33, and 33.34 for the last
        assertThat(new BillingPlan(0, List.of(), true).invoices(Money.of(10_000, "EUR"), START, LAUNCH))
                .extracting(p -> p.amount().minorUnits()).containsExactly(3_333L, 3_333L, 3_334L);
    }

    @Test
    void sharesThatDoNotAddUpTo100AreRefusedWithEveryOtherMistake() {
        BillingPlan plan = new BillingPlan(30, List.of(new Milestone("Kick-off", LocalDate.of(2026, 3, 1), 40),
                new Milestone("", LAUNCH, 20)), false);
        // a deal's plan (no command yet): the plan's own rules (SetBillingPlanCommand's), then its dates
        assertThatThrownBy(() -> plan.validate(START, LAUNCH)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                        // 30 + 40 + 20 = 90
                        tuple("milestones", ErrorCode.OUT_OF_RANGE),
                        tuple("milestones[1].label", ErrorCode.REQUIRED),
                        tuple("milestones[0].date", ErrorCode.INVALID_DATE_ORDER)));
        assertThatThrownBy(() -> new BillingPlan(0, List.of(), true).validate(START, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("monthlyInArrears"));
    }

    @Test
    void againstTheProjectOnlyItsDatesAreChecked() {
        // the plan of a command, whose shares and labels hold already: 1 March is before the start on 15 March
        BillingPlan plan = new BillingPlan(30, List.of(new Milestone("Kick-off", LocalDate.of(2026, 3, 1), 40),
                new Milestone("Launch", LAUNCH, 30)), false);
        assertThatThrownBy(() -> plan.checkAgainstProject(START, LAUNCH)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::code, FieldError::message)
                        .containsExactly(tuple("milestones[0].date", ErrorCode.INVALID_DATE_ORDER,
                                "must not be before the project start (2026-03-15)")));
        // on the start itself it is accepted; a monthly plan needs the launch, and nothing else of the project
        new BillingPlan(30, List.of(new Milestone("Kick-off", START, 70)), false).checkAgainstProject(START, null);
        new BillingPlan(20, List.of(), true).checkAgainstProject(START, LAUNCH);
        assertThatThrownBy(() -> new BillingPlan(20, List.of(), true).checkAgainstProject(START, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("monthlyInArrears", ErrorCode.REQUIRED)));
    }
}
