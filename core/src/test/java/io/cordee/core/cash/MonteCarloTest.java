package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.Receivable;
import io.cordee.core.cash.ForecastInput.ClientProfile;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.Computations;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The probabilistic forecast over small agencies worked out by hand. All run 13 weeks from Monday
 * 1 June 2026 (weeks of 1, 8, 15, 22, 29 June, 6, 13, 20, 27 July, 3, 10, 17, 24 August; the horizon
 * ends Sunday 30 August), with 100,000 € in the bank on Friday 29 May, a 50,000 € safety threshold,
 * nobody on the payroll and one 70,000 € one-off expense on Monday 20 July (week index 7).
 */
class MonteCarloTest {

    private static final ClientId A = new ClientId(UUID.randomUUID());
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    private static final LocalDate JUNE_10 = LocalDate.of(2026, 6, 10);
    private static final AgencySettings SETTINGS = AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"));
    /**
     * Tolerance of a probability estimated over 2,000 paths: 4.5 percentage points, four standard
     * deviations of the worst case (√(0.5 × 0.5 / 2000) = 1.12 points). Documented in ADR 48.
     */
    private static final double TOLERANCE = 0.045;

    /**
     * A pays at 30 days, always (12 paid invoices, each 30 days late): every path is the base forecast.
     * Invoices of 20,000 € due 10 June and 30,000 € due 1 July → paid Fri 10 July (week index 5) and
     * Fri 31 July (week index 8). Closings: 100,000 until week 4; 120,000 in weeks 5–6; 50,000 in week 7
     * (the 70,000 one-off), not under the threshold; 80,000 from week 8.
     */
    @Test
    void aClientThatAlwaysPaysAtThirtyDaysGivesTheBaseForecastInEveryPath() {
        ForecastInput in = input(startup(null, null), List.of(receivable(JUNE_10, 20_000),
                receivable(LocalDate.of(2026, 7, 1), 30_000)), 30);
        Map<ClientId, int[]> histories = MonteCarlo.delayHistories(SETTINGS, clients(in), paid(30, 30, 30, 30, 30, 30,
                30, 30, 30, 30, 30, 30));
        CashRisk risk = run(in, histories, CashRiskSettings.defaults(), 42);

        CashForecast base = CashForecaster.forecast(in, Scenario.BASE);
        assertThat(risk.weeks()).hasSize(13);
        for (int w = 0; w < 13; w++) {
            CashRisk.Week week = risk.weeks().get(w);
            Money closing = base.weeks().get(w).closing();
            assertThat(List.of(week.p10(), week.p50(), week.p90(), week.base())).as("week %d", w).containsOnly(closing);
            assertThat(week.probabilityUnder()).isZero();
        }
        assertThat(risk.weeks().get(5).p50()).isEqualTo(eur(120_000));
        assertThat(risk.weeks().get(7).p50()).isEqualTo(eur(50_000));
        assertThat(risk.weeks().get(12).p50()).isEqualTo(eur(80_000));
        assertThat(risk.probabilityUnderWithin13Weeks()).isZero();
        assertThat(risk.probabilityUnderWithin26Weeks()).as("the horizon is 13 weeks").isNull();
        assertThat(risk.expectedShortfall()).isEqualTo(eur(0));
        assertThat(risk.badPathClients()).isEmpty();
    }

    /**
     * A's history: three invoices paid on their due date, three 60 days late. Its one invoice, 60,000 €
     * due Wed 10 June, is paid in half the paths on 10 June (week 1) and in the other half on Sun 9 August
     * (week 9). Paid early: 160,000 from week 1, 90,000 from week 7 — never under. Paid late: 100,000,
     * then 30,000 in weeks 7 and 8 — under — then 90,000. So: P(under) ≈ ½ in weeks 7 and 8, 0 elsewhere;
     * P10 of week 7 = 30,000, P90 = 90,000; P(under within 13 weeks) ≈ ½; expected shortfall ≈
     * ½ × (50,000 − 30,000) = 10,000 €. The base expects A at its median delay, (0 + 60) / 2 = 30 days:
     * Fri 10 July, week 5 — before the first week under (7) — so in every path that went under A is
     * missing all 60,000 €: the only client weighing on the bad paths.
     */
    @Test
    void aTwoPointHistoryGivesHalfThePathsUnderTheThreshold() {
        ForecastInput in = input(startup(null, null), List.of(receivable(JUNE_10, 60_000)), 30);
        Map<ClientId, int[]> histories = MonteCarlo.delayHistories(SETTINGS, clients(in), paid(0, 0, 0, 60, 60, 60));
        CashRisk risk = run(in, histories, CashRiskSettings.defaults(), 7);

        for (int w = 0; w < 13; w++) {
            double expected = w == 7 || w == 8 ? 0.5 : 0;
            assertThat(risk.weeks().get(w).probabilityUnder()).as("week %d", w).isCloseTo(expected, within(TOLERANCE));
        }
        assertThat(risk.weeks().get(7).p10()).isEqualTo(eur(30_000));
        assertThat(risk.weeks().get(7).p90()).isEqualTo(eur(90_000));
        assertThat(risk.weeks().get(9).p10()).isEqualTo(eur(90_000));
        assertThat(risk.probabilityUnderWithin13Weeks()).isCloseTo(0.5, within(TOLERANCE));
        // 20,000 € × (0.5 ± 0.045)
        assertThat(risk.expectedShortfall().minorUnits()).isBetween(910_000L, 1_090_000L);
        assertThat(risk.badPathClients()).singleElement().satisfies(weight -> {
            assertThat(weight.client().id()).isEqualTo(A);
            assertThat(weight.missingCash()).isEqualTo(eur(60_000));
            assertThat(weight.share()).isEqualTo(1.0);
        });
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedAnotherDraw() {
        ForecastInput in = input(startup(null, null), List.of(receivable(JUNE_10, 60_000)), 30);
        Map<ClientId, int[]> histories = MonteCarlo.delayHistories(SETTINGS, clients(in), paid(0, 0, 0, 60, 60, 60));
        CashRisk first = run(in, histories, CashRiskSettings.defaults(), 2026);
        assertThat(run(in, histories, CashRiskSettings.defaults(), 2026)).isEqualTo(first);
        assertThat(run(in, histories, CashRiskSettings.defaults(), 2027).probabilityUnderWithin13Weeks())
                .isNotEqualTo(first.probabilityUnderWithin13Weeks());
    }

    /**
     * The database hands the receivables over in the order its rows lie, which an import or an update changes
     * (a copy of an agency once read its cash risk one week's P50 72,000 € apart from the original's): the draws
     * go to the receivables in the order of their due date and invoice, so the same facts in any order give the
     * same result. Four receivables of A (60,000, 20,000, 5,000 and 1,000 €, two due on 10 June, two on
     * 17 June), A paying at 0 or 60 days: each order of the four, reversed or rotated, reads the same risk.
     */
    @Test
    void theSameFactsInAnotherOrderGiveTheSameResult() {
        LocalDate june17 = JUNE_10.plusWeeks(1);
        List<Receivable> receivables = List.of(receivable(JUNE_10, 60_000), receivable(june17, 20_000),
                receivable(JUNE_10, 5_000), receivable(june17, 1_000));
        ClientProfile a = startup(null, null);
        ForecastInput in = input(a, receivables, 30);
        Map<ClientId, int[]> histories = MonteCarlo.delayHistories(SETTINGS, clients(in), paid(0, 0, 0, 60, 60, 60));
        CashRisk risk = run(in, histories, CashRiskSettings.defaults(), 11);
        List<Receivable> reversed = new ArrayList<>(receivables);
        java.util.Collections.reverse(reversed);
        List<Receivable> rotated = new ArrayList<>(receivables);
        java.util.Collections.rotate(rotated, 1);
        for (List<Receivable> order : List.of(reversed, rotated)) {
            assertThat(run(input(a, order, 30), histories, CashRiskSettings.defaults(), 11))
                    .as("%s", order).isEqualTo(risk);
        }
    }

    /**
     * A scenario that re-plans billing as well: A's three planned invoices of one project, 100.01, 200.01 and
     * 300.01 € (60,003 cents) issued on 5 and 19 June and 3 July, due 30 days later; the scenario asks a 30 %
     * deposit: 18,000 cents (60,003 × 30 % = 18,000.9, rounded down) on 1 June, and the rest, 42,003, spread over
     * the three in proportion, rounded down, the last taking what is left. By due date: 10,001 × 42,003 / 60,003 =
     * 7,000.85 → 7,000; 20,001 × 42,003 / 60,003 = 14,001 exactly; the last 42,003 − 7,000 − 14,001 = 21,002. Given
     * the last first, they would have been 21,001, 7,000 and 14,002: a cent moved between two weeks. In either order
     * the forecast and the risk are the ones of the due dates' order. A pays on its due date (a median of 0 days;
     * 0 or 14 in the risk's draws): 1 July, 5 and 19 July, 2 August, all inside the 13 weeks.
     */
    @Test
    void aScenarioThatReplansBillingReadsThePlannedInvoicesInTheOrderOfTheirDueDates() {
        ClientProfile a = startup(null, null);
        ProjectId site = new ProjectId(UUID.randomUUID());
        var project = new io.cordee.core.project.Project(site, a.client().agencyId(), A, "Site",
                io.cordee.core.project.ProjectStatus.ACTIVE, JUNE_1, LocalDate.of(2026, 7, 31), null,
                Money.of(60_003, "EUR"), 30, 0);
        List<Receivable> planned = List.of(planned(site, LocalDate.of(2026, 6, 5), 10_001),
                planned(site, LocalDate.of(2026, 6, 19), 20_001), planned(site, LocalDate.of(2026, 7, 3), 30_001));
        Scenario deposit = Scenario.custom(Map.of(A, new Scenario.ClientAdjustment(0, null, null, 30, false)));
        ForecastInput byDueDate = withProject(input(a, planned, 0), project);
        ForecastInput lastFirst = withProject(input(a, List.of(planned.get(2), planned.get(0), planned.get(1)), 0),
                project);
        Map<ClientId, int[]> histories = MonteCarlo.delayHistories(SETTINGS, clients(byDueDate),
                paid(0, 0, 0, 14, 14, 14));

        CashForecast forecast = CashForecaster.forecast(byDueDate, deposit);
        assertThat(CashForecaster.forecast(lastFirst, deposit)).isEqualTo(forecast);
        // the deposit and the three re-planned invoices, 18,000 + 42,003 cents, are all in the 13 weeks' inflow
        assertThat(forecast.weeks().stream().mapToLong(w -> w.inflow().minorUnits()).sum()).isEqualTo(60_003);
        assertThat(MonteCarlo.simulate(lastFirst, deposit, histories, CashRiskSettings.defaults(), 500, 5, List.of(),
                () -> false)).isEqualTo(MonteCarlo.simulate(byDueDate, deposit, histories, CashRiskSettings.defaults(),
                500, 5, List.of(), () -> false));
    }

    private static Receivable planned(ProjectId project, LocalDate issued, long cents) {
        return new Receivable(new InvoiceId(UUID.randomUUID()), A, project, InvoiceStatus.PLANNED, issued,
                issued.plusDays(30), Money.of(cents, "EUR"));
    }

    private static ForecastInput withProject(ForecastInput in, io.cordee.core.project.Project project) {
        return new ForecastInput(in.asOf(), in.horizonWeeks(), in.safetyThreshold(), in.payday(), in.latestBalance(),
                in.receipts(), in.receivables(), in.team(), in.overheads(), in.oneOffExpenses(), in.clients(),
                Map.of(project.id(), project));
    }

    /**
     * A is a start-up paying on its due date (no history: the STARTUP default is 10 days, so due 10 June
     * → paid 20 June, week 2), its runway ending 15 June. Its round FAILED (100 %): it never pays, every
     * path closes 30,000 in week 7. SIGNED (0 %): it always pays, every path closes 90,000. IN_DOUBT with
     * the agency's 50 %: half and half.
     */
    @Test
    void aStartUpWhoseRoundFailsPaysNothingAfterItsRunwayEnd() {
        LocalDate runwayEnd = LocalDate.of(2026, 6, 15);
        for (var c : List.of(new Object[] {RoundStatus.FAILED, 1.0}, new Object[] {RoundStatus.SIGNED, 0.0},
                new Object[] {RoundStatus.IN_DOUBT, 0.5})) {
            ForecastInput in = input(startup(runwayEnd, (RoundStatus) c[0]), List.of(receivable(JUNE_10, 60_000)), 10);
            CashRisk risk = run(in, MonteCarlo.delayHistories(SETTINGS, clients(in), List.of()),
                    CashRiskSettings.defaults(), 11);
            assertThat(risk.probabilityUnderWithin13Weeks()).as("%s", c[0]).isCloseTo((double) c[1], within(TOLERANCE));
        }
        // an agency that thinks a round in doubt fails one time in five
        ForecastInput in = input(startup(runwayEnd, RoundStatus.IN_DOUBT), List.of(receivable(JUNE_10, 60_000)), 10);
        CashRiskSettings careful = new CashRiskSettings(Map.of(RoundStatus.IN_DOUBT, 20), 20, null);
        assertThat(run(in, MonteCarlo.delayHistories(SETTINGS, clients(in), List.of()), careful, 11)
                .probabilityUnderWithin13Weeks()).isCloseTo(0.2, within(TOLERANCE));
    }

    /** Fewer than 3 paid invoices: the pooled histories of the segment's other clients. */
    @Test
    void aClientWithoutHistoryDrawsFromItsSegmentsPool() {
        ClientId other = new ClientId(UUID.randomUUID());
        Client a = startup(null, null).client();
        Client b = new Client(other, a.agencyId(), "B", Segment.STARTUP, 30, List.of(), null, false, 0);
        Client sme = new Client(new ClientId(UUID.randomUUID()), a.agencyId(), "C", Segment.SME, 30, List.of(), null,
                false, 0);
        List<PaidDates> paid = new ArrayList<>();
        for (int delay : new int[] {1, 2, 3}) {
            paid.add(new PaidDates(other, JUNE_1, JUNE_1.plusDays(delay)));
        }
        paid.add(new PaidDates(A, JUNE_1, JUNE_1.plusDays(99))); // one invoice only: not A's own history
        Map<ClientId, int[]> histories = MonteCarlo.delayHistories(SETTINGS, List.of(a, b, sme), paid);
        assertThat(histories.get(A)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(histories.get(other)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(histories.get(sme.id())).containsExactly(5); // no SME history: the agency's 5-day default
    }

    @Test
    void theLoopStopsWhenItsFlagIsRaised() {
        ForecastInput in = input(startup(null, null), List.of(receivable(JUNE_10, 60_000)), 30);
        AtomicInteger checks = new AtomicInteger();
        assertThatThrownBy(() -> MonteCarlo.simulate(in, Scenario.BASE, Map.of(), CashRiskSettings.defaults(), 2_000,
                1, List.of(), () -> checks.incrementAndGet() > 3)).isInstanceOf(Computations.Stopped.class);
        assertThat(checks.get()).as("three paths ran, the fourth saw the flag").isEqualTo(4);
    }

    @Test
    void pathsAreBoundedAndStressIsRefused() {
        ForecastInput in = input(startup(null, null), List.of(), 30);
        assertThatThrownBy(() -> MonteCarlo.simulate(in, Scenario.BASE, Map.of(), CashRiskSettings.defaults(),
                MonteCarlo.MAX_PATHS + 1, 1, List.of(), () -> false)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("paths");
        assertThatThrownBy(() -> MonteCarlo.simulate(in, Scenario.STRESS, Map.of(), CashRiskSettings.defaults(),
                10, 1, List.of(), () -> false)).isInstanceOf(InvalidInput.class).hasMessageContaining("scenario.kind");
    }

    /** A pluggable uncertain inflow (the pipeline's deals, later) adds its draws to the weeks. */
    @Test
    void anUncertainInflowAddsItsDraws() {
        ForecastInput in = input(startup(null, null), List.of(), 30);
        // a "deal" won one time in two bringing 80,000 € in week 3: the 100,000 → 30,000 drop of week 7
        // goes under the threshold only when it is lost
        UncertainInflows deal = (random, weeks) -> {
            if (random.nextDouble() < 0.5) {
                weeks[3] += 8_000_000;
            }
        };
        CashRisk risk = MonteCarlo.simulate(in, Scenario.BASE, Map.of(), CashRiskSettings.defaults(), 2_000, 3,
                List.of(deal), () -> false);
        assertThat(risk.probabilityUnderWithin13Weeks()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(risk.weeks().get(7).p90()).isEqualTo(eur(110_000));
    }

    private static CashRisk run(ForecastInput in, Map<ClientId, int[]> histories, CashRiskSettings settings, long seed) {
        return MonteCarlo.simulate(in, Scenario.BASE, histories, settings, MonteCarlo.DEFAULT_PATHS, seed, List.of(),
                () -> false);
    }

    private static ForecastInput input(ClientProfile a, List<Receivable> receivables, int medianDelay) {
        ClientProfile profile = new ClientProfile(a.client(), new PaymentDelayModel.Delays(medianDelay, medianDelay, 6));
        return new ForecastInput(JUNE_1, 13, eur(50_000), 25, new BankBalance(LocalDate.of(2026, 5, 29), eur(100_000)),
                List.of(), receivables, List.of(), List.of(),
                List.of(new CashMovement(LocalDate.of(2026, 7, 20), eur(70_000), null, "Servers")),
                Map.of(A, profile), Map.of());
    }

    private static ClientProfile startup(LocalDate runwayEnd, RoundStatus status) {
        return new ClientProfile(new Client(A, new AgencyId(UUID.randomUUID()), "A", Segment.STARTUP, 30, List.of(),
                status == null ? null : new FundingProfile(FundingStage.SEED, runwayEnd, null, status), false, 0), null);
    }

    private static List<Client> clients(ForecastInput in) {
        return in.clients().values().stream().map(ClientProfile::client).toList();
    }

    private static List<PaidDates> paid(int... delays) {
        List<PaidDates> paid = new ArrayList<>();
        for (int i = 0; i < delays.length; i++) {
            LocalDate due = LocalDate.of(2025, 1, 1).plusWeeks(i);
            paid.add(new PaidDates(A, due, due.plusDays(delays[i])));
        }
        return paid;
    }

    private static Receivable receivable(LocalDate due, long euros) {
        return new Receivable(new InvoiceId(UUID.randomUUID()), A, new ProjectId(UUID.randomUUID()), InvoiceStatus.ISSUED,
                due.minusDays(30), due, eur(euros));
    }

    private static Money eur(long euros) {
        return Money.of(euros * 100, "EUR");
    }
}
