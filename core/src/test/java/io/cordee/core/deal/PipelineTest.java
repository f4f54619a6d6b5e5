package io.cordee.core.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.Milestone;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PipelineTest {

    static final Currency EUR = Currency.getInstance("EUR");

    static Deal deal(long feeMinor, int probability, int duration, DurationUnit unit, BillingPlan plan) {
        return new Deal(new DealId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), "Deal", null, "Prospect",
                Segment.SME, new Money(feeMinor, EUR), probability, LocalDate.of(2027, 1, 4), duration, unit, plan,
                List.of(), DealStage.PROPOSAL, null, 0);
    }

    @Test
    void eachPartIsWeightedDownToTheCentAndTheLastTakesWhatIsLeft() {
        // fee 10,000.01 at 33 %, deposit 30 % then monthly in arrears from 4 January for 3 months (to 3 April:
        // January–April, 4 month ends).
        // Plan: deposit ⌊1,000,001 × 30 / 100⌋ = 300,000; the rest 700,001 / 4 = 175,000 × 3 and 175,001.
        // Weighted fee ⌊1,000,001 × 33 / 100⌋ = 330,000. Deposit ⌊300,000 × 0.33⌋ = 99,000; each month
        // ⌊175,000 × 0.33⌋ = 57,750 × 3 = 173,250; the last 330,000 − 99,000 − 173,250 = 57,750.
        Deal d = deal(1_000_001, 33, 3, DurationUnit.MONTHS, new BillingPlan(30, List.of(), true));
        assertThat(d.expectedEnd()).isEqualTo(LocalDate.of(2027, 4, 3));
        List<BillingPlan.PlannedInvoice> parts = Pipeline.weightedParts(d);
        assertThat(parts).extracting(p -> p.amount().minorUnits())
                .containsExactly(99_000L, 57_750L, 57_750L, 57_750L, 57_750L);
        assertThat(parts).extracting(BillingPlan.PlannedInvoice::issueDate).containsExactly(
                LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30));
    }

    @Test
    void milestonesAndWeeksAndZeroProbability() {
        // 6 weeks from Monday 4 January: to Sunday 14 February. 50,000.00 at 25 %: 12,500.00, half on each milestone
        BillingPlan plan = new BillingPlan(0, List.of(new Milestone("Design", LocalDate.of(2027, 1, 18), 50),
                new Milestone("Launch", LocalDate.of(2027, 2, 14), 50)), false);
        Deal d = deal(5_000_000, 25, 6, DurationUnit.WEEKS, plan);
        assertThat(d.expectedEnd()).isEqualTo(LocalDate.of(2027, 2, 14));
        assertThat(Pipeline.weightedParts(d)).extracting(p -> p.amount().minorUnits())
                .containsExactly(625_000L, 625_000L);
        // a deal at 0 % brings nothing
        assertThat(Pipeline.weightedParts(deal(5_000_000, 0, 6, DurationUnit.WEEKS, plan))).isEmpty();
    }

    @Test
    void stagesMoveOnlyForward() {
        assertThat(DealStage.LEAD.movesTo()).containsExactlyInAnyOrder(DealStage.PROPOSAL, DealStage.LOST);
        assertThat(DealStage.PROPOSAL.movesTo()).containsExactlyInAnyOrder(DealStage.LEAD, DealStage.LOST);
        assertThat(DealStage.WON.movesTo()).isEmpty();
        assertThat(DealStage.LOST.movesTo()).isEmpty();
    }
}
