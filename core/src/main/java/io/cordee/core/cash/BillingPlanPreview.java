package io.cordee.core.cash;

import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Receivable;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a billing plan would do before it is saved (issue 15): the planned invoices it generates, and the
 * agency's lowest forecast balance and the client's peak exposure with the project's current planned
 * invoices ("before") and with the new ones ("after"). Pure: both sides run through the same
 * {@link CashForecaster} and {@link Exposure} as {@code cashForecast} and {@code exposure}, under the base
 * scenario; the new invoices exist only here.
 *
 * @param invoices the planned invoices the plan generates, with when each is expected to be paid
 * @param forecast the forecast's effect; null when the agency has no bank balance to start a forecast from
 */
public record BillingPlanPreview(List<PlannedInvoice> invoices, Effect forecast) {

    /** One invoice the plan would generate; {@code expectedPaymentDate} null without a forecast. */
    public record PlannedInvoice(String label, LocalDate issueDate, LocalDate dueDate, Money amount,
                                 LocalDate expectedPaymentDate) {
    }

    /** The forecast with the project's current planned invoices, and with the plan's. */
    public record Effect(LocalDate asOf, int horizonWeeks, Money lowestBefore, LocalDate lowestWeekBefore,
                         Money lowestAfter, LocalDate lowestWeekAfter, LocalDate firstWeekBelowThresholdBefore,
                         LocalDate firstWeekBelowThresholdAfter, Money peakExposureBefore,
                         LocalDate peakExposureWeekBefore, Money peakExposureAfter, LocalDate peakExposureWeekAfter) {
    }

    /**
     * @param forecast    the base forecast's input (null: no bank balance, invoices only)
     * @param parts       the planned invoices the plan generates ({@code BillingService.plannedInvoices})
     * @param allocations the allocations to the client's projects
     * @param payments    the client's payments (those on or after as-of are ignored: the forecast expects them)
     */
    public static BillingPlanPreview compute(Project project, List<BillingPlan.PlannedInvoice> parts,
                                             ForecastInput forecast, List<Allocation> allocations,
                                             List<TeamMember> team, List<CashMovement> payments,
                                             WorkingCalendar calendar) {
        List<Receivable> planned = parts.stream().map(p -> new Receivable(
                new InvoiceId(UUID.nameUUIDFromBytes((project.id().value() + p.key()).getBytes())),
                project.clientId(), project.id(), InvoiceStatus.PLANNED, p.issueDate(),
                p.issueDate().plusDays(project.paymentTermsDays()), p.amount())).toList();
        if (forecast == null) {
            List<PlannedInvoice> invoices = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                invoices.add(new PlannedInvoice(parts.get(i).label(), parts.get(i).issueDate(),
                        planned.get(i).dueDate(), parts.get(i).amount(), null));
            }
            return new BillingPlanPreview(invoices, null);
        }
        List<Receivable> receivables = new ArrayList<>();
        forecast.receivables().stream()
                .filter(r -> !(project.id().equals(r.projectId()) && r.status() == InvoiceStatus.PLANNED))
                .forEach(receivables::add);
        receivables.addAll(planned);
        ForecastInput after = new ForecastInput(forecast.asOf(), forecast.horizonWeeks(), forecast.safetyThreshold(),
                forecast.payday(), forecast.latestBalance(), forecast.receipts(), receivables, forecast.team(),
                forecast.overheads(), forecast.oneOffExpenses(), forecast.clients(), forecast.projects());

        List<PlannedInvoice> invoices = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            LocalDate expected = CashForecaster.expectedPayment(planned.get(i), after, Scenario.BASE);
            invoices.add(new PlannedInvoice(parts.get(i).label(), parts.get(i).issueDate(), planned.get(i).dueDate(),
                    parts.get(i).amount(), expected == null || !expected.isBefore(forecast.asOf()) ? expected
                    : forecast.asOf()));
        }
        CashForecast before = CashForecaster.forecast(forecast, Scenario.BASE);
        CashForecast then = CashForecaster.forecast(after, Scenario.BASE);
        Currency currency = forecast.latestBalance().amount().currency();
        Map<TeamMemberId, TeamMember> members = team.stream()
                .collect(Collectors.toMap(TeamMember::id, Function.identity()));
        Exposure.Series exposureBefore = exposure(forecast, project, allocations, members, payments, calendar,
                currency);
        Exposure.Series exposureAfter = exposure(after, project, allocations, members, payments, calendar, currency);
        return new BillingPlanPreview(invoices, new Effect(forecast.asOf(), forecast.horizonWeeks(),
                before.lowestBalance(), before.lowestWeek(), then.lowestBalance(), then.lowestWeek(),
                before.firstWeekBelowThreshold(), then.firstWeekBelowThreshold(), exposureBefore.peak(),
                exposureBefore.peakWeek(), exposureAfter.peak(), exposureAfter.peakWeek()));
    }

    private static Exposure.Series exposure(ForecastInput in, Project project, List<Allocation> allocations,
                                            Map<TeamMemberId, TeamMember> team, List<CashMovement> payments,
                                            WorkingCalendar calendar, Currency currency) {
        List<CashMovement> receipts = new ArrayList<>();
        payments.stream().filter(p -> p.date().isBefore(in.asOf())).forEach(receipts::add);
        receipts.addAll(CashForecaster.expectedReceipts(in, Scenario.BASE, project.clientId()));
        LocalDate monday = in.asOf().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Exposure.weekly(allocations, team, receipts, monday, in.horizonWeeks(), calendar, currency);
    }
}
