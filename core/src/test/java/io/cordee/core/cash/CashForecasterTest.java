package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Receivable;
import io.cordee.core.billing.PaymentDelayModel.Delays;
import io.cordee.core.cash.ForecastInput.ClientProfile;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An 8-week forecast from Monday 1 June 2026 (weeks of 1, 8, 15, 22, 29 June, 6, 13, 20 July).
 *
 * <pre>
 * balance 29 May (Fri)                       100,000.00
 * + payment received 30 May                    5,000.00   → opening 105,000.00
 * payroll: 4,000 + 6,000 = 10,000 on the 25th: Thu 25 June (week 22 Jun), Sat 25 July (week 20 Jul)
 * rent 3,000 on the 5th: Fri 5 June (week 1 Jun), Sun 5 July (week 29 Jun)
 * X (SME, delays 5, 10, 20 → median 10, P90 20): 12,000 invoice, 4,000 paid → 8,000 due 10 June
 *     base: 10 + 10 = Sat 20 June (week 15 Jun)   stress: 10 + 20 = Tue 30 June (week 29 Jun)
 * Y (ENTERPRISE, delays 40, 50, 60 → median 50, P90 60): 30,000 due 1 June
 *     base: Tue 21 July (week 20 Jul)             stress: Fri 31 July, after the horizon (26 July)
 * Z (start-up, no history → 10 days, runway ends 30 June): 6,000 due 1 July
 *     base: Sat 11 July (week 6 Jul)              stress: its runway ends first → nothing
 * </pre>
 */
class CashForecasterTest {

    private static final ClientId X = new ClientId(UUID.randomUUID());
    private static final ClientId Y = new ClientId(UUID.randomUUID());
    private static final ClientId Z = new ClientId(UUID.randomUUID());
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    private static ForecastInput input(int horizonWeeks) {
        return new ForecastInput(JUNE_1, horizonWeeks, eur(100_000), 25,
                new BankBalance(LocalDate.of(2026, 5, 29), eur(100_000)),
                List.of(new CashMovement(LocalDate.of(2026, 5, 30), eur(5_000), X, "Payment")),
                receivables(invoice(X, LocalDate.of(2026, 6, 10), 12_000, 4_000),
                        invoice(Y, LocalDate.of(2026, 6, 1), 30_000, 0),
                        invoice(Z, LocalDate.of(2026, 7, 1), 6_000, 0),
                        // cancelled and fully paid invoices are no receivables (as the repository reads them)
                        invoice(X, InvoiceStatus.CANCELLED, null, LocalDate.of(2026, 6, 2), 9_999, 0),
                        invoice(X, InvoiceStatus.PAID, null, LocalDate.of(2026, 6, 2), 7_000, 7_000)),
                List.of(member(4_000), member(6_000)),
                List.of(new Overhead(new OverheadId(UUID.randomUUID()), "Rent", eur(3_000), 5, LocalDate.of(2026, 1, 1), null, 0)),
                List.of(),
                Map.of(X, profile(X, Segment.SME, new Delays(10, 20, 3), null),
                        Y, profile(Y, Segment.ENTERPRISE, new Delays(50, 60, 3), null),
                        Z, profile(Z, Segment.STARTUP, new Delays(10, 10, 0), LocalDate.of(2026, 6, 30))), Map.of());
    }

    private static ClientProfile profile(ClientId id, Segment segment, Delays delays, LocalDate runwayEnd) {
        return new ClientProfile(new Client(id, new AgencyId(UUID.randomUUID()), segment.name(), segment, 30,
                List.of(), runwayEnd == null ? null : new FundingProfile(FundingStage.SEED, runwayEnd, null, null),
                false, 0), delays);
    }

    @Test
    void base() {
        CashForecast f = CashForecaster.forecast(input(8), Scenario.BASE);
        assertThat(f.opening()).isEqualTo(eur(105_000));
        // week:    1 Jun     8 Jun     15 Jun     22 Jun     29 Jun    6 Jul      13 Jul     20 Jul
        // in:      0         0         8,000 X    0          0         6,000 Z    0          30,000 Y
        // out:     3,000     0         0          10,000     3,000     0          0          10,000
        // closing: 102,000   102,000   110,000    100,000    97,000    103,000    103,000    123,000
        assertThat(f.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(102_000), eur(102_000),
                eur(110_000), eur(100_000), eur(97_000), eur(103_000), eur(103_000), eur(123_000));
        assertThat(f.weeks().get(0).monday()).isEqualTo(JUNE_1);
        assertThat(f.weeks().get(7).monday()).isEqualTo(LocalDate.of(2026, 7, 20));
        assertThat(f.weeks().get(7).inflowByClient()).containsExactly(Map.entry(Y, eur(30_000)));
        assertThat(f.weeks().get(7).outflow()).isEqualTo(eur(10_000));
        assertThat(f.lowestBalance()).isEqualTo(eur(97_000));
        assertThat(f.lowestWeek()).isEqualTo(LocalDate.of(2026, 6, 29));
        // 100,000 on 22 June is not under the 100,000 threshold; 97,000 on 29 June is
        assertThat(f.firstWeekBelowThreshold()).isEqualTo(LocalDate.of(2026, 6, 29));
    }

    @Test
    void stress() {
        CashForecast f = CashForecaster.forecast(input(8), Scenario.STRESS);
        // in:      0         0         0          0          8,000 X   0          0          0
        // out:     3,000     0         0          10,000     3,000     0          0          10,000
        // closing: 102,000   102,000   102,000    92,000     97,000    97,000     97,000     87,000
        assertThat(f.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(102_000), eur(102_000),
                eur(102_000), eur(92_000), eur(97_000), eur(97_000), eur(97_000), eur(87_000));
        assertThat(f.lowestBalance()).isEqualTo(eur(87_000));
        assertThat(f.lowestWeek()).isEqualTo(LocalDate.of(2026, 7, 20));
        assertThat(f.firstWeekBelowThreshold()).isEqualTo(LocalDate.of(2026, 6, 22));
    }

    @Test
    void customAdjustmentsPerClient() {
        // Y defaults from 1 July (pays nothing), X gets 15-day terms from an issue date of 1 June and pays
        // 10 days late: due 16 June + 10 = Fri 26 June (week 22 Jun) instead of 20 June
        Invoice xWithIssueDate = invoice(X, InvoiceStatus.ISSUED, JUNE_1, LocalDate.of(2026, 6, 10), 12_000, 4_000);
        ForecastInput base = input(8);
        ForecastInput in = new ForecastInput(base.asOf(), 8, base.safetyThreshold(), base.payday(), base.latestBalance(),
                base.receipts(), List.of(Receivable.of(xWithIssueDate), base.receivables().get(1), base.receivables().get(2)),
                base.team(),
                base.overheads(), base.oneOffExpenses(), base.clients(), Map.of());
        CashForecast f = CashForecaster.forecast(in, Scenario.custom(Map.of(
                Y, new Scenario.ClientAdjustment(0, LocalDate.of(2026, 7, 1), null),
                X, new Scenario.ClientAdjustment(0, null, 15))));
        // closing: 102,000   102,000   102,000    100,000    97,000    103,000    103,000    93,000
        assertThat(f.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(102_000), eur(102_000),
                eur(102_000), eur(100_000), eur(97_000), eur(103_000), eur(103_000), eur(93_000));
        assertThat(f.weeks().get(3).inflowByClient()).containsExactly(Map.entry(X, eur(8_000)));
    }

    @Test
    void anOverdueInvoiceIsExpectedNowAndTheFirstWeekStartsOnTheAsOfDate() {
        // as of Wednesday 3 June: the rent of Friday 5 June is in the first (short) week; X's invoice was
        // due on 1 May and expected 11 May, so it is expected on 3 June
        ForecastInput base = input(2);
        ForecastInput in = new ForecastInput(LocalDate.of(2026, 6, 3), 2, base.safetyThreshold(), base.payday(),
                base.latestBalance(), base.receipts(), receivables(invoice(X, LocalDate.of(2026, 5, 1), 1_000, 0)),
                base.team(), base.overheads(), base.oneOffExpenses(), base.clients(), Map.of());
        CashForecast f = CashForecaster.forecast(in, Scenario.BASE);
        // opening 105,000; week of 1 June: +1,000 −3,000 = 103,000; week of 8 June: 103,000
        assertThat(f.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(103_000), eur(103_000));
        assertThat(f.weeks().get(0).monday()).isEqualTo(JUNE_1);
    }

    @Test
    void aScenarioCanMoveAClientToADepositAndMonthlyBilling() {
        // W's project runs 1 May–31 Aug 2026 on 30-day terms; 30,000 is still planned, on 31 August (due
        // 30 Sept), so the base sees no cash from W in 13 weeks from 1 June (to Sunday 30 August)
        ClientId w = new ClientId(UUID.randomUUID());
        Project project = new Project(new ProjectId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), w, "P",
                ProjectStatus.ACTIVE, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 31), null, eur(30_000), 30, 0);
        Invoice planned = new Invoice(new InvoiceId(UUID.randomUUID()), project.agencyId(), w, project.id(), "launch", null,
                "Launch", InvoiceStatus.PLANNED, LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 30), eur(30_000),
                eur(0), null, 0);
        ForecastInput in = new ForecastInput(JUNE_1, 13, eur(0), 25, new BankBalance(LocalDate.of(2026, 5, 31), eur(10_000)),
                List.of(), List.of(Receivable.of(planned)), List.of(), List.of(), List.of(),
                Map.of(w, profile(w, Segment.SME, new Delays(0, 0, 3), null)), Map.of(project.id(), project));

        assertThat(CashForecaster.forecast(in, Scenario.BASE).weeks())
                .allSatisfy(week -> assertThat(week.closing()).isEqualTo(eur(10_000)));

        // monthly in arrears from June: 10,000 at the end of June, July, August, due 30 days later:
        // Thu 30 July (week of 27 July) and Sun 30 August (week of 24 August); 30 September is beyond
        CashForecast monthly = CashForecaster.forecast(in, Scenario.custom(Map.of(w,
                new Scenario.ClientAdjustment(0, null, null, null, true))));
        assertThat(closingOn(monthly, "2026-07-27")).isEqualTo(eur(20_000));
        assertThat(closingOn(monthly, "2026-08-24")).isEqualTo(eur(30_000));

        // with a 20 % deposit first: 6,000 invoiced on 1 June, due Wed 1 July (week of 29 June),
        // then 24,000 as 8,000 a month
        CashForecast deposit = CashForecaster.forecast(in, Scenario.custom(Map.of(w,
                new Scenario.ClientAdjustment(0, null, null, 20, true))));
        assertThat(closingOn(deposit, "2026-06-22")).isEqualTo(eur(10_000));
        assertThat(closingOn(deposit, "2026-06-29")).isEqualTo(eur(16_000));
        assertThat(closingOn(deposit, "2026-07-27")).isEqualTo(eur(24_000));
        assertThat(closingOn(deposit, "2026-08-24")).isEqualTo(eur(32_000));
        // the scenario wrote nothing: the input still holds the one planned invoice
        assertThat(in.receivables()).containsExactly(Receivable.of(planned));
    }

    private static Money closingOn(CashForecast forecast, String monday) {
        return forecast.weeks().stream().filter(w -> w.monday().equals(LocalDate.parse(monday))).findFirst()
                .orElseThrow().closing();
    }

    @Test
    void theHorizonIsBounded() {
        assertThatThrownBy(() -> CashForecaster.forecast(input(500), Scenario.BASE))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("horizonWeeks");
        assertThat(CashForecaster.forecast(input(104), Scenario.BASE).weeks()).hasSize(104);
    }

    /** What the repository returns for the forecast: only planned and issued invoices with a balance due. */
    private static List<Receivable> receivables(Invoice... invoices) {
        return java.util.Arrays.stream(invoices).filter(Invoice::isExpectedToPay).map(Receivable::of).toList();
    }

    private static Invoice invoice(ClientId client, LocalDate due, long euros, long paidEuros) {
        return invoice(client, InvoiceStatus.ISSUED, null, due, euros, paidEuros);
    }

    private static Invoice invoice(ClientId client, InvoiceStatus status, LocalDate issued, LocalDate due, long euros,
                                   long paidEuros) {
        return new Invoice(new InvoiceId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), client,
                new ProjectId(UUID.randomUUID()), null, null, "Invoice", status, issued, due, eur(euros), eur(paidEuros),
                null, 0);
    }

    private static TeamMember member(long monthlyEuros) {
        return new TeamMember(new TeamMemberId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), "M", null,
                List.of(), BigDecimal.ONE, eur(monthlyEuros), eur(0), false, 0);
    }

    private static Money eur(long euros) {
        return Money.of(euros * 100, "EUR");
    }
}
