package io.cordee.core.cash;

import io.cordee.core.common.Computations;
import io.cordee.core.billing.Receivable;
import io.cordee.core.cash.CashForecast.Week;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.TeamMember;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weekly cash forecast (DESIGN.md, Computations). Pure: the same input and scenario always give
 * the same forecast, and nothing is written.
 *
 * <ol>
 *   <li>Opening position: the latest bank balance on or before {@code asOf}, plus the receipts after
 *       it up to and including {@code asOf}, less the scheduled costs after it and before {@code asOf}
 *       (a balance dated on {@code asOf} already holds that day's costs). Receivables are as of
 *       {@code asOf}: a payment after it is not yet received (conservation, ADR 38).</li>
 *   <li>Inflows: every planned or issued invoice's balance due (planned ones re-planned first if the
 *       scenario changes a client's billing), on its expected payment date — due date
 *       (or issue date + other terms) + the client's delay for the scenario; an overdue one that should
 *       have arrived already is expected on {@code asOf}.</li>
 *   <li>Outflows: payroll (Σ each member's pay for the month, {@link TeamMember#payrollIn}) on payday, overheads on their day,
 *       one-off expenses on their date.</li>
 * </ol>
 */
public final class CashForecaster {

    private CashForecaster() {
    }

    public static CashForecast forecast(ForecastInput in, Scenario scenario) {
        if (in.horizonWeeks() < 1 || in.horizonWeeks() > ForecastInput.MAX_HORIZON_WEEKS) {
            throw InvalidInput.of("horizonWeeks", "must be between 1 and " + ForecastInput.MAX_HORIZON_WEEKS
                    + " (got " + in.horizonWeeks() + ")", ErrorCode.OUT_OF_RANGE);
        }
        Currency currency = in.latestBalance().amount().currency();
        LocalDate start = in.asOf();
        LocalDate firstMonday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = firstMonday.plusWeeks(in.horizonWeeks()).minusDays(1);

        // The opening position: the bank balance (end of its day) plus what was received after it up to and
        // including asOf (a payment recorded today is cash today), less the costs after it and before asOf.
        // A balance dated on asOf opens the forecast as it is: it already holds that day's costs.
        Money opening = in.latestBalance().amount();
        LocalDate balanceDate = in.latestBalance().date();
        LocalDate afterBalance = balanceDate.plusDays(1);
        for (CashMovement receipt : in.receipts()) {
            if (receipt.date().isAfter(balanceDate) && !receipt.date().isAfter(start)) {
                opening = opening.plus(receipt.amount());
            }
        }
        for (CashMovement cost : costs(in, afterBalance, start.minusDays(1), currency)) {
            opening = opening.minus(cost.amount());
        }
        LocalDate costsFrom = afterBalance.isAfter(start) ? afterBalance : start;

        TreeMap<LocalDate, Bucket> buckets = new TreeMap<>();
        for (int w = 0; w < in.horizonWeeks(); w++) {
            buckets.put(firstMonday.plusWeeks(w), new Bucket(currency));
        }
        for (CashMovement cost : costs(in, costsFrom, end, currency)) {
            buckets.floorEntry(cost.date()).getValue().out(cost.amount());
        }
        for (Receivable receivable : ScenarioBilling.apply(in.receivables(), in.projects(), scenario, start)) {
            Computations.checkpoint();
            if (receivable.balance().minorUnits() <= 0) {
                continue;
            }
            LocalDate expected = expectedPayment(receivable, in, scenario);
            if (expected == null) {
                continue;
            }
            LocalDate date = expected.isBefore(start) ? start : expected;
            if (!date.isAfter(end)) {
                buckets.floorEntry(date).getValue().in(receivable.clientId(), receivable.balance());
            }
        }

        List<Week> weeks = new ArrayList<>();
        Money balance = opening;
        Money lowest = null;
        LocalDate lowestWeek = null;
        LocalDate firstBelow = null;
        for (Map.Entry<LocalDate, Bucket> e : buckets.entrySet()) {
            Bucket b = e.getValue();
            balance = balance.plus(b.inflow).minus(b.outflow);
            weeks.add(new Week(e.getKey(), b.inflow, b.outflow, balance, Map.copyOf(b.byClient)));
            if (lowest == null || balance.compareTo(lowest) < 0) {
                lowest = balance;
                lowestWeek = e.getKey();
            }
            if (firstBelow == null && balance.compareTo(in.safetyThreshold()) < 0) {
                firstBelow = e.getKey();
            }
        }
        Map<ClientId, io.cordee.core.client.Client> clients = new java.util.HashMap<>();
        in.clients().forEach((id, profile) -> clients.put(id, profile.client()));
        return new CashForecast(start, in.safetyThreshold(), opening, weeks, lowest, lowestWeek, firstBelow,
                Map.copyOf(clients));
    }

    /**
     * The cash one client is expected to pay from {@code asOf} under {@code scenario}: its receivables,
     * re-planned first if the scenario changes its billing, each on its expected date (an overdue one on
     * {@code asOf}). Pure, like the forecast: what a proposal weighs for the client's exposure.
     */
    public static List<CashMovement> expectedReceipts(ForecastInput in, Scenario scenario, ClientId clientId) {
        List<CashMovement> receipts = new ArrayList<>();
        for (Receivable receivable : ScenarioBilling.apply(in.receivables(), in.projects(), scenario, in.asOf())) {
            if (!receivable.clientId().equals(clientId) || receivable.balance().minorUnits() <= 0) {
                continue;
            }
            LocalDate expected = expectedPayment(receivable, in, scenario);
            if (expected != null) {
                receipts.add(new CashMovement(expected.isBefore(in.asOf()) ? in.asOf() : expected,
                        receivable.balance(), clientId, "Expected payment"));
            }
        }
        return receipts;
    }

    /** {@link #expectedReceipts} of every client at once: one pass over the receivables, grouped by client. */
    public static Map<ClientId, List<CashMovement>> expectedReceiptsByClient(ForecastInput in, Scenario scenario) {
        Map<ClientId, List<CashMovement>> receipts = new HashMap<>();
        for (Receivable receivable : ScenarioBilling.apply(in.receivables(), in.projects(), scenario, in.asOf())) {
            if (receivable.balance().minorUnits() <= 0) {
                continue;
            }
            LocalDate expected = expectedPayment(receivable, in, scenario);
            if (expected != null) {
                receipts.computeIfAbsent(receivable.clientId(), k -> new ArrayList<>()).add(new CashMovement(
                        expected.isBefore(in.asOf()) ? in.asOf() : expected, receivable.balance(),
                        receivable.clientId(), "Expected payment"));
            }
        }
        return receipts;
    }

    /** When the receivable is expected in the bank under {@code scenario}; null if never. */
    public static LocalDate expectedPayment(Receivable invoice, ForecastInput in, Scenario scenario) {
        ForecastInput.ClientProfile profile = in.clients().get(invoice.clientId());
        Scenario.ClientAdjustment adjustment = scenario.adjustments().get(invoice.clientId());
        LocalDate due = invoice.dueDate();
        if (adjustment != null && adjustment.paymentTermsDays() != null && invoice.issueDate() != null) {
            due = invoice.issueDate().plusDays(adjustment.paymentTermsDays());
        }
        int delay = profile == null ? 0
                : scenario.kind() == Scenario.Kind.STRESS ? profile.delays().p90Days() : profile.delays().expectedDays();
        if (adjustment != null) {
            delay += adjustment.extraDelayDays();
        }
        LocalDate expected = due.plusDays(delay);
        if (scenario.kind() == Scenario.Kind.STRESS && profile != null && profile.runwayEnd() != null
                && profile.runwayEnd().isBefore(expected)) {
            return null; // the start-up's cash is gone before it would pay
        }
        if (adjustment != null && adjustment.defaultFrom() != null && !expected.isBefore(adjustment.defaultFrom())) {
            return null;
        }
        return expected;
    }

    /** Scheduled costs between two dates (both included), as positive amounts. */
    static List<CashMovement> costs(ForecastInput in, LocalDate from, LocalDate to, Currency currency) {
        List<CashMovement> costs = new ArrayList<>();
        if (to.isBefore(from)) {
            return costs;
        }
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate payday = month.atDay(Math.min(in.payday(), month.lengthOfMonth()));
            YearMonth paid = month; // each member's pay for the month, prorated in a month of a start or an end
            Money payroll = in.team().stream().map(m -> m.payrollIn(paid)).reduce(Money.zero(currency), Money::plus);
            if (within(payday, from, to) && payroll.minorUnits() > 0) {
                costs.add(new CashMovement(payday, payroll, null, "Payroll"));
            }
            for (Overhead overhead : in.overheads()) {
                LocalDate day = overhead.dateIn(month);
                if (within(day, from, to) && overhead.activeOn(day)) {
                    costs.add(new CashMovement(day, overhead.monthlyAmount(), null, overhead.label()));
                }
            }
        }
        for (CashMovement oneOff : in.oneOffExpenses()) {
            if (within(oneOff.date(), from, to)) {
                costs.add(oneOff);
            }
        }
        return costs;
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    private static final class Bucket {
        private Money inflow;
        private Money outflow;
        private final Map<ClientId, Money> byClient = new LinkedHashMap<>();

        Bucket(Currency currency) {
            inflow = Money.zero(currency);
            outflow = Money.zero(currency);
        }

        void in(ClientId client, Money amount) {
            inflow = inflow.plus(amount);
            byClient.merge(client, amount, Money::plus);
        }

        void out(Money amount) {
            outflow = outflow.plus(amount);
        }
    }
}
