package io.cordee.core.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.Receivable;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashMovement;
import io.cordee.core.cash.CashRisk;
import io.cordee.core.cash.CashRiskSettings;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.cash.MonteCarlo;
import io.cordee.core.cash.Scenario;
import io.cordee.core.cash.UncertainInflows;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Open deals in the probabilistic forecast (ADR 55), on MonteCarloTest's small agency: 13 weeks from Monday
 * 1 June 2026 (week index 4 is the week of 29 June, 7 the week of 20 July), 100,000 € in the bank, a 50,000 €
 * safety threshold, no payroll and one 70,000 € one-off expense on Monday 20 July. Without any income the
 * balance is 100,000 until week 6 and 30,000 from week 7: every path goes under in week 7.
 *
 * <p>The deal: client A (an enterprise, 30-day terms, its 12 paid invoices each paid on its due date, so its delay is always
 * 0), 60,000 € invoiced in full at its kick-off milestone on its start, Monday 1 June → due Wednesday 1 July →
 * paid that day, week 4. When won: 100,000 until week 3, 160,000 in weeks 4–6, 90,000 from week 7 — never
 * under.
 */
class DealMonteCarloTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    private static final ClientId A = new ClientId(UUID.randomUUID());
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    private static final AgencySettings SETTINGS = AgencySettings.defaults(EUR, ZoneId.of("Europe/Paris"));
    /** Four standard deviations of a probability over 2,000 paths at worst, √(0.25 / 2000) = 1.12 points (ADR 48). */
    private static final double TOLERANCE = 0.045;

    @Test
    void aDealSureToBeWonMovesTheFanExactlyAsTheSameWorkSignedWould() {
        CashRisk withDeal = run(input(List.of()), List.of(deal(100)), 42);
        // the same 60,000 € as a signed project's planned invoice, issued 1 June, due 1 July
        Receivable signed = new Receivable(new InvoiceId(UUID.randomUUID()), A, new ProjectId(UUID.randomUUID()),
                InvoiceStatus.PLANNED, JUNE_1, LocalDate.of(2026, 7, 1), eur(60_000));
        CashRisk won = run(input(List.of(signed)), List.of(), 42);

        for (int w = 0; w < 13; w++) {
            CashRisk.Week d = withDeal.weeks().get(w);
            CashRisk.Week p = won.weeks().get(w);
            assertThat(List.of(d.p10(), d.p50(), d.p90())).as("week %d", w).containsExactly(p.p10(), p.p50(), p.p90());
            assertThat(d.probabilityUnder()).isEqualTo(p.probabilityUnder());
        }
        assertThat(withDeal.weeks().get(3).p50()).isEqualTo(eur(100_000));
        assertThat(withDeal.weeks().get(4).p50()).isEqualTo(eur(160_000));
        assertThat(withDeal.weeks().get(7).p50()).isEqualTo(eur(90_000));
        assertThat(withDeal.probabilityUnderWithin13Weeks()).isZero();
        // the base line beside the fan stays the signed work's: 30,000 from week 7
        assertThat(withDeal.weeks().get(7).base()).isEqualTo(eur(30_000));
    }

    @Test
    void aDealThatCannotBeWonChangesNothing() {
        CashRisk none = run(input(List.of()), List.of(), 42);
        assertThat(run(input(List.of()), List.of(deal(0)), 42)).isEqualTo(none);
        assertThat(none.weeks().get(7).p90()).isEqualTo(eur(30_000));
        assertThat(none.probabilityUnderWithin13Weeks()).isEqualTo(1.0);
    }

    /**
     * At 50 % the deal is won in about half the paths: those never go under (90,000 in week 7), the others close
     * week 7 at 30,000. P(under within 13 weeks) ≈ 0.5, so week 7's P10 is 30,000 and its P90 90,000; the
     * expected shortfall ≈ ½ × (50,000 − 30,000) = 10,000 €.
     */
    @Test
    void aDealAtFiftyPercentIsWonInHalfThePaths() {
        CashRisk risk = run(input(List.of()), List.of(deal(50)), 7);
        assertThat(risk.probabilityUnderWithin13Weeks()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(risk.weeks().get(7).probabilityUnder()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(risk.weeks().get(7).p10()).isEqualTo(eur(30_000));
        assertThat(risk.weeks().get(7).p90()).isEqualTo(eur(90_000));
        assertThat(risk.weeks().get(3).probabilityUnder()).isZero();
        // 20,000 € × (0.5 ± 0.045)
        assertThat(risk.expectedShortfall().minorUnits()).isBetween(910_000L, 1_090_000L);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        CashRisk first = run(input(List.of()), List.of(deal(50)), 2026);
        assertThat(run(input(List.of()), List.of(deal(50)), 2026)).isEqualTo(first);
        assertThat(run(input(List.of()), List.of(deal(50)), 2027).probabilityUnderWithin13Weeks())
                .isNotEqualTo(first.probabilityUnderWithin13Weeks());
    }

    /**
     * A prospect (no client yet) of segment SME pays after 30 days' terms and its segment's default delay: with
     * no SME client having a history, the agency's default for SME alone. Due 1 July + that delay; a sure deal
     * then brings its 60,000 € in the week of that day, in every path.
     */
    @Test
    void aProspectPaysWithItsSegmentsDefaultDelay() {
        int smeDelay = SETTINGS.defaultPaymentDelayDays().get(Segment.SME);
        LocalDate paid = LocalDate.of(2026, 7, 1).plusDays(smeDelay);
        int week = (int) ((paid.toEpochDay() - JUNE_1.toEpochDay()) / 7);
        Deal prospect = new Deal(new DealId(UUID.randomUUID()), AGENCY, "Website", null, "Prospect Ltd", Segment.SME,
                eur(60_000), 100, JUNE_1, 4, DurationUnit.WEEKS, plan(), List.of(), DealStage.PROPOSAL, null, 0);
        CashRisk risk = run(input(List.of()), List.of(prospect), 3);
        // paid in week `week`: from then every path closes 100,000 + 60,000 (− 70,000 from week 7)
        assertThat(week).isBetween(4, 12);
        assertThat(risk.weeks().get(week - 1).p90()).isEqualTo(week - 1 >= 7 ? eur(30_000) : eur(100_000));
        assertThat(risk.weeks().get(week).p10()).isEqualTo(week >= 7 ? eur(90_000) : eur(160_000));
        assertThat(risk.weeks().get(12).p10()).isEqualTo(eur(90_000));
    }

    private static CashRisk run(ForecastInput in, List<Deal> deals, long seed) {
        List<Client> clients = in.clients().values().stream().map(ForecastInput.ClientProfile::client).toList();
        List<PaidDates> paid = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate due = LocalDate.of(2025, 1, 1).plusWeeks(i);
            paid.add(new PaidDates(A, due, due));
        }
        Map<ClientId, int[]> histories = MonteCarlo.delayHistories(SETTINGS, clients, paid);
        List<UncertainInflows> draws = DealDraws.of(deals, in, histories,
                MonteCarlo.segmentDelays(SETTINGS, clients, paid));
        return MonteCarlo.simulate(in, Scenario.BASE, histories, CashRiskSettings.defaults(), MonteCarlo.DEFAULT_PATHS,
                seed, draws, () -> false);
    }

    private static ForecastInput input(List<Receivable> receivables) {
        Client a = new Client(A, AGENCY, "A", Segment.ENTERPRISE, 30, List.of(), null, false, 0);
        return new ForecastInput(JUNE_1, 13, eur(50_000), 25, new BankBalance(LocalDate.of(2026, 5, 29), eur(100_000)),
                List.of(), receivables, List.of(), List.of(),
                List.of(new CashMovement(LocalDate.of(2026, 7, 20), eur(70_000), null, "Servers")),
                Map.of(A, new ForecastInput.ClientProfile(a, new PaymentDelayModel.Delays(0, 0, 12))), Map.of());
    }

    private static BillingPlan plan() {
        return new BillingPlan(0, List.of(new Milestone("Kick-off", JUNE_1, 100)), false);
    }

    private static Deal deal(int probability) {
        return new Deal(new DealId(UUID.randomUUID()), AGENCY, "Redesign", A, null, null, eur(60_000), probability,
                JUNE_1, 4, DurationUnit.WEEKS, plan(), List.of(), DealStage.PROPOSAL, null, 0);
    }

    private static Money eur(long euros) {
        return new Money(euros * 100, EUR);
    }
}
