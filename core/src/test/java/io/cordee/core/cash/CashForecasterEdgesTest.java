package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Receivable;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The edges of issue 17's first paragraph at the forecaster (ADR 38). A two-week forecast as of
 * Wednesday 3 June 2026: weeks of Monday 1 and Monday 8 June. One client X with no delay history
 * (pays on the due date), one 10,000.00 invoice due Wednesday 10 June. The receivables and receipts
 * are given as the repositories read them as of 3 June (BillingRepository#findReceivables(agency, asOf)).
 */
class CashForecasterEdgesTest {

    private static final ClientId X = new ClientId(new UUID(0, 1));
    private static final LocalDate JUNE_2 = LocalDate.of(2026, 6, 2);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 3);
    private static final LocalDate JUNE_10 = LocalDate.of(2026, 6, 10);

    /**
     * A payment on the as-of day is in the opening position. Bank balance 2 June 100,000.00; 4,000.00 of
     * the invoice received on 3 June, so 6,000.00 still owed.
     * <pre>
     * opening = 100,000 + 4,000 (received on asOf)          = 104,000   (before the fix: 100,000 — the 4,000 vanished)
     * week 1 Jun: in 0       out 0   closing 104,000
     * week 8 Jun: in 6,000   out 0   closing 110,000
     * the invoice's cash: 4,000 in the opening + 6,000 in week 8 Jun = 10,000, its amount
     * </pre>
     */
    @Test
    void aPaymentOnTheAsOfDayIsInTheOpeningPosition() {
        CashForecast f = CashForecaster.forecast(input(new BankBalance(JUNE_2, eur(100_000)),
                List.of(new CashMovement(AS_OF, eur(4_000), X, "Payment")), 6_000, List.of()), Scenario.BASE);

        assertThat(f.opening()).isEqualTo(eur(104_000));
        assertThat(f.weeks()).extracting(CashForecast.Week::inflow).containsExactly(eur(0), eur(6_000));
        assertThat(f.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(104_000), eur(110_000));
    }

    /**
     * Recording today's payment never makes today's forecast worse: the same facts before the 4,000.00
     * arrived end on the same 110,000.00 (100,000 + 10,000 in week 8 Jun).
     */
    @Test
    void recordingTodaysPaymentLeavesTheEndOfTheForecastWhereItWas() {
        CashForecast before = CashForecaster.forecast(input(new BankBalance(JUNE_2, eur(100_000)), List.of(), 10_000,
                List.of()), Scenario.BASE);
        CashForecast after = CashForecaster.forecast(input(new BankBalance(JUNE_2, eur(100_000)),
                List.of(new CashMovement(AS_OF, eur(4_000), X, "Payment")), 6_000, List.of()), Scenario.BASE);

        assertThat(before.weeks().get(1).closing()).isEqualTo(eur(110_000));
        assertThat(after.weeks().get(1).closing()).isEqualTo(eur(110_000));
        assertThat(after.opening().compareTo(before.opening())).isPositive(); // 104,000 > 100,000
    }

    /**
     * A bank balance dated on the as-of day opens the forecast as it is: it already holds the 4,000.00
     * received that day and the 3,000.00 rent paid that day (rent on the 3rd of each month).
     * <pre>
     * opening = 100,000 (no receipt after 3 June, no cost between the balance and asOf)
     * week 1 Jun: in 0       out 0 (the rent of 3 June is in the balance; before the fix: out 3,000)
     * week 8 Jun: in 6,000   out 0   closing 106,000
     * </pre>
     */
    @Test
    void aBankBalanceDatedOnTheAsOfDayOpensTheForecast() {
        CashForecast f = CashForecaster.forecast(input(new BankBalance(AS_OF, eur(100_000)),
                List.of(new CashMovement(AS_OF, eur(4_000), X, "Payment")), 6_000, List.of(rentOnThe3rd())),
                Scenario.BASE);

        assertThat(f.opening()).isEqualTo(eur(100_000));
        assertThat(f.weeks()).extracting(CashForecast.Week::outflow).containsExactly(eur(0), eur(0));
        assertThat(f.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(100_000), eur(106_000));
    }

    /**
     * With the balance dated the day before, the rent of the as-of day is still a cost of the first week.
     * <pre>
     * opening = 100,000 + 4,000 = 104,000
     * week 1 Jun: out 3,000 (rent 3 June)   closing 101,000
     * week 8 Jun: in 6,000                  closing 107,000
     * </pre>
     */
    @Test
    void aCostOnTheAsOfDayAfterAnEarlierBalanceIsInTheFirstWeek() {
        CashForecast f = CashForecaster.forecast(input(new BankBalance(JUNE_2, eur(100_000)),
                List.of(new CashMovement(AS_OF, eur(4_000), X, "Payment")), 6_000, List.of(rentOnThe3rd())),
                Scenario.BASE);

        assertThat(f.opening()).isEqualTo(eur(104_000));
        assertThat(f.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(101_000), eur(107_000));
    }

    /**
     * A forecast as of a past date: the invoice was paid in full on 5 June, after the as-of day, so as of
     * 3 June the repository reads it as ISSUED with 10,000.00 owed and the receipt of 5 June is not in the
     * opening. Its 10,000.00 arrive in week 8 Jun (due 10 June): opening 100,000, closing 110,000.
     * (Before the fix the paid invoice was no receivable at all: closing 100,000.)
     */
    @Test
    void aForecastAsOfAPastDateTreatsLaterPaymentsAsNotYetReceived() {
        CashForecast f = CashForecaster.forecast(input(new BankBalance(JUNE_2, eur(100_000)),
                List.of(new CashMovement(LocalDate.of(2026, 6, 5), eur(10_000), X, "Payment")), 10_000, List.of()),
                Scenario.BASE);

        assertThat(f.opening()).isEqualTo(eur(100_000));
        assertThat(f.weeks().get(1).inflowByClient()).containsExactly(Map.entry(X, eur(10_000)));
        assertThat(f.weeks().get(1).closing()).isEqualTo(eur(110_000));
    }

    private static ForecastInput input(BankBalance balance, List<CashMovement> receipts, long owedEuros,
                                       List<Overhead> overheads) {
        List<Receivable> receivables = owedEuros == 0 ? List.of()
                : List.of(new Receivable(new InvoiceId(new UUID(0, 2)), X, new ProjectId(new UUID(0, 3)),
                        InvoiceStatus.ISSUED, LocalDate.of(2026, 5, 11), JUNE_10, eur(owedEuros)));
        return new ForecastInput(AS_OF, 2, eur(0), 25, balance, receipts, receivables, List.of(), overheads,
                List.of(), Map.of(), Map.of());
    }

    private static Overhead rentOnThe3rd() {
        return new Overhead(new OverheadId(new UUID(0, 4)), "Rent", eur(3_000), 3, LocalDate.of(2026, 1, 1), null, 0);
    }

    private static Money eur(long euros) {
        return Money.of(euros * 100, "EUR");
    }
}
