package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.PaymentDelayModel.Delays;
import io.cordee.core.billing.Receivable;
import io.cordee.core.cash.ForecastInput.ClientProfile;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.common.Bounds;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Invariants of the forecast (issue 17, point 4; ADR 38) over generated agencies. Property-based in the
 * plain JUnit way: each repetition draws one agency from a {@link Random} seeded with {@code SEED} plus the
 * repetition's number, so a failure names its seed and replays exactly (no library, see ADR 38 on jqwik).
 *
 * <p>An agency: a bank balance 0–10 days before the as-of day (itself any weekday from 1 to 7 June 2026);
 * 1–5 clients with an expected delay of 0–40 days and a P90 0–30 days beyond it; 1–30 invoices of one
 * minor unit to the documented maximum ({@link Bounds#MAX_MINOR_UNITS}), due 90 days before to 200 days
 * after the as-of day, planned or issued, an issued one with 0–3 payments dated up to 120 days before and
 * 60 days after the as-of day (a forecast as of a past date). A 104-week horizon holds every expected date
 * (200 + 40 + 30 days ≪ 728). The receivables and receipts are read from that ledger as the repositories
 * read them as of the as-of day ({@code BillingRepository#findReceivables(agency, asOf)}): amount less the
 * payments received on or before it; the receipts are every payment, for the forecaster to place.
 */
class CashForecastInvariantsTest {

    private static final long SEED = 17_2026L;
    private static final int TRIES = 100;
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    /** Each invoice's cash, counted once across what the bank balance holds, the opening and the weeks, is its amount. */
    @RepeatedTest(TRIES)
    void conservation(RepetitionInfo repetition) {
        Agency a = draw(repetition, new Random(SEED + repetition.getCurrentRepetition()), false, false);
        for (Scenario scenario : List.of(Scenario.BASE, Scenario.STRESS)) {
            CashForecast f = CashForecaster.forecast(a.input(), scenario);
            long inBalance = a.payments.stream().filter(p -> !p.date.isAfter(a.balanceDate)).mapToLong(p -> p.minor).sum();
            long inOpening = f.opening().minorUnits() - a.balance;
            long inWeeks = f.weeks().stream().mapToLong(w -> w.inflow().minorUnits()).sum();
            assertThat(inBalance + inOpening + inWeeks).as("seed %d, %s", a.seed, scenario.kind())
                    .isEqualTo(a.invoices.stream().mapToLong(i -> i.amount).sum());
            for (ClientId c : a.clients.keySet()) {
                long owedAsOf = a.invoices.stream().filter(i -> i.client.equals(c)).mapToLong(i -> a.owedAsOf(i)).sum();
                long weeks = f.weeks().stream().mapToLong(w -> w.inflowByClient().getOrDefault(c, zero()).minorUnits()).sum();
                assertThat(weeks).as("seed %d, client's weeks", a.seed).isEqualTo(owedAsOf);
            }
        }
    }

    /** Splitting an unpaid invoice in two with the same dates and terms changes no week. */
    @RepeatedTest(TRIES)
    void splittingAnUnpaidInvoiceChangesNoWeek(RepetitionInfo repetition) {
        Random random = new Random(SEED + repetition.getCurrentRepetition());
        Agency a = draw(repetition, random, true, true);
        Invoice unpaid = a.invoices.stream().filter(i -> i.amount > 1 && a.owedAsOf(i) == i.amount).findFirst().orElse(null);
        if (unpaid == null) {
            return;
        }
        long part = 1 + (long) (random.nextDouble() * (unpaid.amount - 1));
        Agency split = a.copy();
        split.invoices.remove(unpaid);
        split.invoices.add(unpaid.withAmount(part));
        split.invoices.add(unpaid.withAmount(unpaid.amount - part));
        for (Scenario scenario : List.of(Scenario.BASE, Scenario.STRESS)) {
            assertSame(CashForecaster.forecast(split.input(), scenario), CashForecaster.forecast(a.input(), scenario),
                    a.seed);
        }
    }

    /** The order in which records were entered changes nothing. */
    @RepeatedTest(TRIES)
    void entryOrderChangesNothing(RepetitionInfo repetition) {
        Random random = new Random(SEED + repetition.getCurrentRepetition());
        Agency a = draw(repetition, random, true, true);
        Agency shuffled = a.copy();
        Collections.shuffle(shuffled.invoices, random);
        Collections.shuffle(shuffled.payments, random);
        Collections.shuffle(shuffled.oneOffs, random);
        for (Scenario scenario : List.of(Scenario.BASE, Scenario.STRESS)) {
            assertSame(CashForecaster.forecast(shuffled.input(), scenario), CashForecaster.forecast(a.input(), scenario),
                    a.seed);
        }
    }

    /** A payment received (after the balance, up to the as-of day) never lowers any week's closing, so never the total. */
    @RepeatedTest(TRIES)
    void addingAPaymentNeverLowersTheCash(RepetitionInfo repetition) {
        Random random = new Random(SEED + repetition.getCurrentRepetition());
        Agency a = draw(repetition, random, true, true);
        Invoice owing = a.invoices.stream().filter(i -> i.status == InvoiceStatus.ISSUED && a.owedAsOf(i) > 0)
                .findFirst().orElse(null);
        if (owing == null) {
            return;
        }
        Agency paid = a.copy();
        int days = (int) a.balanceDate.until(a.asOf).getDays();
        LocalDate on = a.balanceDate.plusDays(1 + random.nextInt(Math.max(days, 1)));
        if (on.isAfter(a.asOf)) {
            return; // the balance is dated on the as-of day: a payment of that day is in it already
        }
        paid.payments.add(new Payment(owing.id, owing.client, on, 1 + (long) (random.nextDouble() * (a.owedAsOf(owing) - 1))));
        for (Scenario scenario : List.of(Scenario.BASE, Scenario.STRESS)) {
            List<CashForecast.Week> before = CashForecaster.forecast(a.input(), scenario).weeks();
            List<CashForecast.Week> after = CashForecaster.forecast(paid.input(), scenario).weeks();
            for (int w = 0; w < before.size(); w++) {
                assertThat(after.get(w).closing()).as("seed %d, week %d", a.seed, w)
                        .isGreaterThanOrEqualTo(before.get(w).closing());
            }
        }
    }

    /** STRESS (each client at its P90, start-ups stopping at their runway's end) never closes a week above BASE. */
    @RepeatedTest(TRIES)
    void stressNeverEndsAboveBase(RepetitionInfo repetition) {
        Agency a = draw(repetition, new Random(SEED + repetition.getCurrentRepetition()), true, true);
        List<CashForecast.Week> base = CashForecaster.forecast(a.input(), Scenario.BASE).weeks();
        List<CashForecast.Week> stress = CashForecaster.forecast(a.input(), Scenario.STRESS).weeks();
        for (int w = 0; w < base.size(); w++) {
            assertThat(stress.get(w).closing()).as("seed %d, week %d", a.seed, w)
                    .isLessThanOrEqualTo(base.get(w).closing());
        }
    }

    private static Agency draw(RepetitionInfo repetition, Random random, boolean costs, boolean runways) {
        Agency a = Agency.draw(random, costs, runways);
        a.seed = SEED + repetition.getCurrentRepetition();
        return a;
    }

    private static void assertSame(CashForecast actual, CashForecast expected, long seed) {
        assertThat(actual.opening()).as("seed %d", seed).isEqualTo(expected.opening());
        assertThat(actual.weeks()).as("seed %d", seed).isEqualTo(expected.weeks());
        assertThat(actual.lowestBalance()).isEqualTo(expected.lowestBalance());
        assertThat(actual.lowestWeek()).isEqualTo(expected.lowestWeek());
        assertThat(actual.firstWeekBelowThreshold()).isEqualTo(expected.firstWeekBelowThreshold());
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static Money zero() {
        return eur(0);
    }

    record Invoice(InvoiceId id, ClientId client, InvoiceStatus status, LocalDate issued, LocalDate due, long amount) {
        Invoice withAmount(long minor) {
            return new Invoice(new InvoiceId(UUID.randomUUID()), client, status, issued, due, minor);
        }
    }

    record Payment(InvoiceId invoice, ClientId client, LocalDate date, long minor) {
    }

    /** A generated agency: its ledger (invoices and payments as entered) and everything else the forecast reads. */
    static final class Agency {
        long seed;
        LocalDate asOf;
        LocalDate balanceDate;
        long balance;
        Map<ClientId, ClientProfile> clients = new HashMap<>();
        List<Invoice> invoices = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        List<CashMovement> oneOffs = new ArrayList<>();
        List<Overhead> overheads = new ArrayList<>();

        static Agency draw(Random r, boolean costs, boolean runways) {
            Agency a = new Agency();
            a.asOf = JUNE_1.plusDays(r.nextInt(7));
            a.balanceDate = a.asOf.minusDays(r.nextInt(11));
            a.balance = r.nextInt(1_000_000_000);
            List<ClientId> ids = new ArrayList<>();
            for (int c = 1 + r.nextInt(5); c > 0; c--) {
                ClientId id = new ClientId(new UUID(r.nextLong(), r.nextLong()));
                int expected = r.nextInt(41);
                LocalDate runwayEnd = runways && r.nextInt(3) == 0 ? a.asOf.plusDays(r.nextInt(200)) : null;
                a.clients.put(id, new ClientProfile(new Client(id, new AgencyId(new UUID(0, 1)), "C" + c,
                        runwayEnd == null ? Segment.SME : Segment.STARTUP, 30, List.of(),
                        runwayEnd == null ? null : new FundingProfile(FundingStage.SEED, runwayEnd, null, null), false, 0),
                        new Delays(expected, expected + r.nextInt(31), 3)));
                ids.add(id);
            }
            for (int i = 1 + r.nextInt(30); i > 0; i--) {
                ClientId client = ids.get(r.nextInt(ids.size()));
                LocalDate due = a.asOf.plusDays(r.nextInt(291) - 90);
                long amount = r.nextInt(20) == 0 ? Bounds.MAX_MINOR_UNITS - r.nextInt(1000) : 1 + r.nextInt(1_000_000_000);
                boolean planned = r.nextInt(4) == 0;
                Invoice invoice = new Invoice(new InvoiceId(new UUID(r.nextLong(), r.nextLong())), client,
                        planned ? InvoiceStatus.PLANNED : InvoiceStatus.ISSUED, due.minusDays(30), due, amount);
                a.invoices.add(invoice);
                long left = amount;
                for (int p = planned ? 0 : r.nextInt(4); p > 0 && left > 0; p--) {
                    long minor = 1 + (long) (r.nextDouble() * (left - 1));
                    left -= minor;
                    a.payments.add(new Payment(invoice.id, client, a.asOf.plusDays(r.nextInt(181) - 120), minor));
                }
            }
            if (costs) {
                for (int o = r.nextInt(4); o > 0; o--) {
                    a.oneOffs.add(new CashMovement(a.asOf.plusDays(r.nextInt(400) - 10), eur(1 + r.nextInt(100_000_000)),
                            null, "One-off " + o));
                }
                a.overheads.add(new Overhead(new OverheadId(new UUID(0, 2)), "Rent", eur(1 + r.nextInt(10_000_000)),
                        1 + r.nextInt(31), LocalDate.of(2026, 1, 1), null, 0));
            }
            return a;
        }

        Agency copy() {
            Agency a = new Agency();
            a.seed = seed;
            a.asOf = asOf;
            a.balanceDate = balanceDate;
            a.balance = balance;
            a.clients = new HashMap<>(clients);
            a.invoices = new ArrayList<>(invoices);
            a.payments = new ArrayList<>(payments);
            a.oneOffs = new ArrayList<>(oneOffs);
            a.overheads = new ArrayList<>(overheads);
            return a;
        }

        /** What the invoice still owed at the end of the as-of day. */
        long owedAsOf(Invoice invoice) {
            return invoice.amount - payments.stream().filter(p -> p.invoice.equals(invoice.id) && !p.date.isAfter(asOf))
                    .mapToLong(Payment::minor).sum();
        }

        /** The forecast's input, read from the ledger as the repositories read it as of the as-of day. */
        ForecastInput input() {
            List<Receivable> receivables = new ArrayList<>();
            for (Invoice i : invoices) {
                long owed = owedAsOf(i);
                if (owed > 0) {
                    receivables.add(new Receivable(i.id, i.client, new ProjectId(new UUID(0, 3)), i.status, i.issued,
                            i.due, eur(owed)));
                }
            }
            List<CashMovement> receipts = payments.stream()
                    .map(p -> new CashMovement(p.date, eur(p.minor), p.client, "Payment")).toList();
            return new ForecastInput(asOf, ForecastInput.MAX_HORIZON_WEEKS, eur(0), 25,
                    new BankBalance(balanceDate, eur(balance)), receipts, receivables, List.of(), overheads, oneOffs,
                    clients, Map.of());
        }
    }
}
