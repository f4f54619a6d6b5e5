package io.cordee.core.deal;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.Milestone;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.TeamMemberId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deal's fields (ADR 79): each valid case at its bounds, each broken field with its code, then its plan. */
class CreateDealCommandTest {

    private static final ClientId CLIENT = new ClientId(new UUID(0, 4));
    private static final Money FEE = Money.of(2_500_000, "EUR");
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final BillingPlan ALL_UPFRONT = new BillingPlan(100, List.of(), false);
    private static final TeamMemberId ANA = new TeamMemberId(new UUID(0, 21));

    @Test
    void aDealForAClientOrForAProspect() {
        CreateDealCommand c = deal(CLIENT, null, null, 60, 13, DurationUnit.WEEKS, List.of(new StaffingNeed(ANA, 50)));
        // 13 weeks from Monday 4 January 2027, the start included: to Sunday 4 April
        Deal d = c.deal(new DealId(new UUID(0, 1)), new AgencyId(new UUID(0, 2)), DealStage.LEAD, null, 0);
        assertThat(d.expectedEnd()).isEqualTo(LocalDate.of(2027, 4, 4));
        assertThat(d.staffingNeed()).containsExactly(new StaffingNeed(ANA, 50));
        CreateDealCommand prospect = new CreateDealCommand("  Orbit website ", null, "  Orbit ", Segment.STARTUP, FEE,
                60, START, 3, DurationUnit.MONTHS, ALL_UPFRONT, null);
        assertThat(prospect.name()).isEqualTo("Orbit website");
        assertThat(prospect.prospectName()).isEqualTo("Orbit");
        assertThat(prospect.staffingNeed()).isEmpty();
    }

    @Test
    void theBoundsAreInclusive() {
        // a fee of 0 and of 10^11 minor units, a probability of 0 and 100 %, 156 weeks, 36 months, 50 people
        new CreateDealCommand("x", CLIENT, null, null, Money.of(0, "EUR"), 0, START, 156, DurationUnit.WEEKS,
                ALL_UPFRONT, needs(50));
        new CreateDealCommand("x", CLIENT, null, null, Money.of(100_000_000_000L, "EUR"), 100,
                LocalDate.of(2000, 1, 1), 36, DurationUnit.MONTHS, ALL_UPFRONT, List.of());
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new CreateDealCommand("  ", CLIENT, null, null, FEE, 60, START, 13, DurationUnit.WEEKS,
                ALL_UPFRONT, null), "name", ErrorCode.REQUIRED);
        refused(() -> deal(null, null, null, 60, 13, DurationUnit.WEEKS, null), "clientId", ErrorCode.REQUIRED);
        refused(() -> deal(null, "Orbit", null, 60, 13, DurationUnit.WEEKS, null), "prospectSegment",
                ErrorCode.REQUIRED);
        refused(() -> deal(CLIENT, "Orbit", Segment.SME, 60, 13, DurationUnit.WEEKS, null), "prospectName",
                ErrorCode.INVALID_FORMAT);
        refused(() -> deal(CLIENT, null, null, 101, 13, DurationUnit.WEEKS, null), "probabilityPercent",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> deal(CLIENT, null, null, -1, 13, DurationUnit.WEEKS, null), "probabilityPercent",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> deal(CLIENT, null, null, 60, 0, DurationUnit.WEEKS, null), "duration", ErrorCode.OUT_OF_RANGE);
        refused(() -> deal(CLIENT, null, null, 60, 157, DurationUnit.WEEKS, null), "duration", ErrorCode.OUT_OF_RANGE);
        refused(() -> deal(CLIENT, null, null, 60, 37, DurationUnit.MONTHS, null), "duration", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateDealCommand("x", CLIENT, null, null, Money.of(-1, "EUR"), 60, START, 13,
                DurationUnit.WEEKS, ALL_UPFRONT, null), "expectedFee", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateDealCommand("x", CLIENT, null, null, Money.of(100_000_000_001L, "EUR"), 60, START,
                13, DurationUnit.WEEKS, ALL_UPFRONT, null), "expectedFee", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateDealCommand("x", CLIENT, null, null, FEE, 60, LocalDate.of(1999, 12, 31), 13,
                DurationUnit.WEEKS, ALL_UPFRONT, null), "expectedStart", ErrorCode.OUT_OF_RANGE);
        refused(() -> deal(CLIENT, null, null, 60, 13, DurationUnit.WEEKS, List.of(new StaffingNeed(ANA, 0))),
                "staffingNeed[0].sharePercent", ErrorCode.OUT_OF_RANGE);
        refused(() -> deal(CLIENT, null, null, 60, 13, DurationUnit.WEEKS, List.of(new StaffingNeed(ANA, 50),
                new StaffingNeed(ANA, 20))), "staffingNeed[1].memberId", ErrorCode.DUPLICATE);
        refused(() -> deal(CLIENT, null, null, 60, 13, DurationUnit.WEEKS, needs(51)), "staffingNeed",
                ErrorCode.OUT_OF_RANGE);
    }

    @Test
    void aNewDealNamesEveryMissingFieldAndEveryBrokenOneAtOnce() {
        refusedAll(() -> new CreateDealCommand(new DealDraft("Bare", CLIENT, null, null, null, null, null, null, null,
                        null, null)), "expectedFee REQUIRED", "probabilityPercent REQUIRED", "expectedStart REQUIRED",
                "duration REQUIRED", "durationUnit REQUIRED", "billingPlan REQUIRED");
        refusedAll(() -> new CreateDealCommand("", CLIENT, null, null, FEE, 150, START, 13, DurationUnit.WEEKS,
                ALL_UPFRONT, null), "name REQUIRED", "probabilityPercent OUT_OF_RANGE");
    }

    @Test
    void itsPlanIsCheckedOnceItsFieldsHold() {
        // 30 + 40 + 20 = 90 %
        refused(() -> new CreateDealCommand("x", CLIENT, null, null, FEE, 60, START, 13, DurationUnit.WEEKS,
                new BillingPlan(30, List.of(new Milestone("Design", START.plusWeeks(4), 40),
                        new Milestone("Launch", START.plusWeeks(12), 20)), false), null), "milestones",
                ErrorCode.OUT_OF_RANGE);
        // a milestone on Sunday 3 January, the day before the deal's start
        refused(() -> new CreateDealCommand("x", CLIENT, null, null, FEE, 60, START, 13, DurationUnit.WEEKS,
                new BillingPlan(0, List.of(new Milestone("Kick-off", START.minusDays(1), 100)), false), null),
                "milestones[0].date", ErrorCode.INVALID_DATE_ORDER);
    }

    private static CreateDealCommand deal(ClientId client, String prospect, Segment segment, int probability,
                                          int duration, DurationUnit unit, List<StaffingNeed> needs) {
        return new CreateDealCommand("Renewal", client, prospect, segment, FEE, probability, START, duration, unit,
                ALL_UPFRONT, needs);
    }

    private static List<StaffingNeed> needs(int count) {
        List<StaffingNeed> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new StaffingNeed(new TeamMemberId(new UUID(1, i)), 10));
        }
        return list;
    }
}
