package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Milestone;
import io.cordee.core.common.Forbidden;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link BillingPlanPreviewService} on the application's wiring and the real PostgreSQL (ADR 0080, update of
 * 2026-12-04): what a plan would do to the base forecast, worked out by hand, and that a preview writes nothing.
 * The clock stands on Thursday 15 April 2027 in Paris; the tenant's agency keeps the defaults (no safety
 * threshold, SMEs pay 5 days late, payday the 25th) and has no team, so no payroll.
 */
@ApiTest
class BillingPlanPreviewServiceTest extends TenantServiceTest {

    private static final int WEEKS = 26;

    @Autowired
    BillingPlanPreviewService previews;
    @Autowired
    BillingService billing;
    @Autowired
    CashService cash;
    @Autowired
    ProjectService projects;

    Project project;

    @Override
    protected String tenantName() {
        return "Preview Studio";
    }

    @BeforeEach
    void aProjectStartingInMay() {
        // 30,000.00 EUR from Monday 3 May to Tuesday 31 August 2027, paid 30 days after issue, no plan yet
        project = block(projects.create(owner, tenant.ownClient().id(), new ProjectDraft("Site", ProjectStatus.PLANNED,
                LocalDate.of(2027, 5, 3), LocalDate.of(2027, 8, 31), null, Money.of(3_000_000, "EUR"), 30)));
    }

    /** Half on the start, half on the launch. */
    private static BillingPlan halfAndHalf() {
        return new BillingPlan(50, List.of(new Milestone("Launch", LocalDate.of(2027, 8, 31), 50)), false);
    }

    @Test
    void thePlanLiftsTheLowestPointAboveTheThresholdAndIsNotSaved() {
        // 10,000.00 in the bank today; a one-off of 25,000.00 on Monday 5 July
        block(cash.recordBalance(owner, TODAY, Money.of(1_000_000, "EUR")));
        block(cash.addOneOff(owner, "Servers", LocalDate.of(2027, 7, 5), Money.of(2_500_000, "EUR")));

        BillingPlanPreview preview = block(previews.preview(owner, project.id(), halfAndHalf(), WEEKS));

        // deposit 50 % = 15,000.00 issued on the start (3 May), due 30 days later (2 June), expected 5 days after
        // (the SME default with no paid history): Monday 7 June; Launch = the rest, 15,000.00 on 31 August, due
        // 30 September, expected Tuesday 5 October
        assertThat(preview.invoices()).extracting(BillingPlanPreview.PlannedInvoice::label,
                        BillingPlanPreview.PlannedInvoice::issueDate, BillingPlanPreview.PlannedInvoice::dueDate,
                        BillingPlanPreview.PlannedInvoice::amount,
                        BillingPlanPreview.PlannedInvoice::expectedPaymentDate)
                .containsExactly(
                        tuple("Deposit 50 %", LocalDate.of(2027, 5, 3), LocalDate.of(2027, 6, 2),
                                Money.of(1_500_000, "EUR"), LocalDate.of(2027, 6, 7)),
                        tuple("Launch", LocalDate.of(2027, 8, 31), LocalDate.of(2027, 9, 30),
                                Money.of(1_500_000, "EUR"), LocalDate.of(2027, 10, 5)));

        // weeks from Monday 12 April to Sunday 10 October (26). Before: 10,000 until the week of 5 July, then
        // 10,000 − 25,000 = −15,000.00, below the threshold (0) from that week. After: +15,000 in the week of
        // 7 June (25,000), 25,000 − 25,000 = 0.00 in the week of 5 July (not below 0), +15,000 in the week of
        // 4 October
        BillingPlanPreview.Effect effect = preview.forecast();
        assertThat(effect.asOf()).isEqualTo(TODAY);
        assertThat(effect.horizonWeeks()).isEqualTo(WEEKS);
        assertThat(effect.lowestBefore()).isEqualTo(Money.of(-1_500_000, "EUR"));
        assertThat(effect.lowestWeekBefore()).isEqualTo(LocalDate.of(2027, 7, 5));
        assertThat(effect.firstWeekBelowThresholdBefore()).isEqualTo(LocalDate.of(2027, 7, 5));
        assertThat(effect.lowestAfter()).isEqualTo(Money.of(0, "EUR"));
        assertThat(effect.lowestWeekAfter()).isEqualTo(LocalDate.of(2027, 7, 5));
        assertThat(effect.firstWeekBelowThresholdAfter()).isNull();

        // a preview writes nothing: no plan, no invoice
        assertThat(block(billing.plan(owner, project.id()))).isNull();
        assertThat(block(billing.invoicesOfProjects(owner, List.of(project.id()))).invoices()).isEmpty();
    }

    @Test
    void withoutABankBalanceThereAreInvoicesButNoForecast() {
        BillingPlanPreview preview = block(previews.preview(owner, project.id(), halfAndHalf(), WEEKS));

        assertThat(preview.forecast()).isNull();
        assertThat(preview.invoices()).extracting(BillingPlanPreview.PlannedInvoice::dueDate,
                        BillingPlanPreview.PlannedInvoice::amount,
                        BillingPlanPreview.PlannedInvoice::expectedPaymentDate)
                .containsExactly(tuple(LocalDate.of(2027, 6, 2), Money.of(1_500_000, "EUR"), null),
                        tuple(LocalDate.of(2027, 9, 30), Money.of(1_500_000, "EUR"), null));
    }

    @Test
    void aPlanOrHorizonThatSetBillingPlanWouldRefuseIsRefusedTheSameWay() {
        // shares: 50 + 40 = 90 %
        assertThat(refusal(catchThrowable(() -> block(previews.preview(owner, project.id(), new BillingPlan(50,
                List.of(new Milestone("Launch", LocalDate.of(2027, 8, 31), 40)), false), WEEKS)))))
                .containsExactly("milestones OUT_OF_RANGE");
        // a milestone before the start (3 May)
        assertThat(refusal(catchThrowable(() -> block(previews.preview(owner, project.id(), new BillingPlan(50,
                List.of(new Milestone("Kick-off", LocalDate.of(2027, 4, 1), 50)), false), WEEKS)))))
                .containsExactly("milestones[0].date INVALID_DATE_ORDER");
        // no week, and more than the forecast's longest horizon
        assertThat(refusal(catchThrowable(() -> block(previews.preview(owner, project.id(), halfAndHalf(), 0)))))
                .containsExactly("horizonWeeks OUT_OF_RANGE");
        assertThat(refusal(catchThrowable(() -> block(previews.preview(owner, project.id(), halfAndHalf(),
                ForecastInput.MAX_HORIZON_WEEKS + 1))))).containsExactly("horizonWeeks OUT_OF_RANGE");
    }

    @Test
    void onlyMoneyRolesPreviewAndOnlyTheirOwnAgencysProjects() {
        Caller lead = as(Role.LEAD);
        Caller client = as(Role.CLIENT);
        assertThat(catchThrowable(() -> block(previews.preview(lead, project.id(), halfAndHalf(), WEEKS))))
                .isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(previews.preview(client, project.id(), halfAndHalf(), WEEKS))))
                .isInstanceOf(Forbidden.class);
        // the role is told before the input's rules: 0 weeks, which an owner is refused as horizonWeeks OUT_OF_RANGE
        assertThat(catchThrowable(() -> block(previews.preview(lead, project.id(), halfAndHalf(), 0))))
                .isInstanceOf(Forbidden.class)
                .hasMessage("Your role (LEAD) does not allow you to preview billing plans");
        // FINANCE may
        assertThat(block(previews.preview(as(Role.FINANCE), project.id(), halfAndHalf(), WEEKS))
                .invoices()).hasSize(2);

        // another agency's owner, with this project's id: no such project, as if it did not exist
        Caller stranger = tenants.create("Preview Stranger").owner();
        assertThat(refusal(catchThrowable(() -> block(previews.preview(stranger, project.id(), halfAndHalf(),
                WEEKS))))).containsExactly("projectId NOT_FOUND");
    }
}
