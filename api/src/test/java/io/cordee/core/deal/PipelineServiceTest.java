package io.cordee.core.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.Scenario;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link PipelineService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04):
 * the open deals weighed into the forecast and into capacity by their probability, the closed ones not, worked
 * out by hand; roles and agencies. The clock stands on Thursday 15 April 2027 in Paris; the agency keeps the
 * defaults (no threshold, start-ups pay
 * 10 days late, payday on the 25th, no holidays).
 */
@ApiTest
class PipelineServiceTest extends TenantServiceTest {

    @Autowired
    PipelineService pipeline;
    @Autowired
    DealService deals;
    @Autowired
    CashService cash;
    @Autowired
    TeamService team;

    TeamMember designer;

    @Override
    protected String tenantName() {
        return "Pipeline Studio";
    }

    /**
     * 10,000.00 in the bank today; a full-time designer; an open deal with the prospect Nova: 10,000.00 at 40 %,
     * four weeks from Monday 19 April (to Sunday 16 May), all invoiced on the start, the designer at half time;
     * and a lost deal of 50,000.00 at 90 % that weighs nothing.
     */
    @BeforeEach
    void anOpenDealAndALostOne() {
        block(cash.recordBalance(owner, TODAY, Money.of(1_000_000, "EUR")));
        designer = block(team.create(owner, new TeamMemberDraft("Dana", "Designer", List.of(), BigDecimal.ONE,
                Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), null, null, false, false)));
        block(deals.create(owner, new DealDraft("Nova app", null, "Nova", Segment.STARTUP, Money.of(1_000_000, "EUR"),
                40, LocalDate.of(2027, 4, 19), 4, DurationUnit.WEEKS, new BillingPlan(100, List.of(), false),
                List.of(new StaffingNeed(designer.id(), 50)))));
        Deal lost = block(deals.create(owner, new DealDraft("Big one", tenant.ownClient().id(), null, null,
                Money.of(5_000_000, "EUR"), 90, LocalDate.of(2027, 4, 19), 4, DurationUnit.WEEKS,
                new BillingPlan(100, List.of(), false), List.of(new StaffingNeed(designer.id(), 100)))));
        block(deals.move(owner, lost.id(), lost.version(), DealStage.LOST));
    }

    @Test
    void theOpenDealIsWeighedIntoTheForecastAtItsProbability() {
        CashForecast with = block(pipeline.forecast(owner, null, 8, Scenario.BASE));

        // the designer's pay, 5,000.00 on each 25th (the default payday): Sunday 25 April, in the week of 19 April,
        // and Tuesday 25 May, in the week of 24 May. Nova's one part: 10,000.00 × 40 % = 4,000.00, issued on 19
        // April, due 30 days later (19 May, the default terms of a prospect), paid 10 days after that as a start-up
        // with no history: Saturday 29 May, in the week of 24 May too. So 10,000.00, then 5,000.00 for five weeks,
        // then 5,000 + 4,000 − 5,000 = 4,000.00. The lost deal adds nothing.
        assertThat(with.weeks()).extracting(CashForecast.Week::closing).containsExactly(eur(1_000_000),
                eur(500_000), eur(500_000), eur(500_000), eur(500_000), eur(500_000), eur(400_000), eur(400_000));
        assertThat(with.weeks().get(6)).extracting(CashForecast.Week::monday, CashForecast.Week::inflow,
                CashForecast.Week::outflow).containsExactly(LocalDate.of(2027, 5, 24), eur(400_000), eur(500_000));
        // the forecast without the pipeline expects nothing in: 5,000 − 5,000 = 0.00 from the week of 24 May
        assertThat(block(cash.forecast(owner, null, 8, Scenario.BASE)).weeks()).extracting(CashForecast.Week::closing)
                .containsExactly(eur(1_000_000), eur(500_000), eur(500_000), eur(500_000), eur(500_000),
                        eur(500_000), eur(0), eur(0));
    }

    @Test
    void theOpenDealsStaffingNeedIsWeighedIntoCapacity() {
        List<Pipeline.MonthLoad> may = block(pipeline.capacity(as(Role.LEAD), YearMonth.of(2027, 5),
                1));

        // May 2027 has 21 working days: the designer gives 21.00. Nova needs half of them from 1 to 16 May, 10
        // working days: 5.00, at 40 % = 2.00. Nothing booked: 21 − 0 − 2 = 19.00 available
        assertThat(may).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo(YearMonth.of(2027, 5));
            assertThat(m.capacityDays()).isEqualByComparingTo("21");
            assertThat(m.bookedDays()).isEqualByComparingTo("0");
            assertThat(m.weightedPipelineDays()).isEqualByComparingTo("2");
            assertThat(m.availableDays()).isEqualByComparingTo("19");
        });
    }

    @Test
    void aCustomScenarioOrABrokenHorizonIsRefusedAndOnlyMoneyRolesForecast() {
        Scenario custom = Scenario.custom(Map.of());
        Throwable refused = catchThrowable(() -> block(pipeline.forecast(owner, null, 0, custom)));
        assertThat(refused).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) refused).errors()).extracting(e -> e.field() + " " + e.code())
                .containsExactly("horizonWeeks OUT_OF_RANGE", "withPipeline OUT_OF_RANGE");
        for (Role role : new Role[] {Role.LEAD, Role.CLIENT}) {
            Caller caller = as(role);
            assertThat(catchThrowable(() -> block(pipeline.forecast(caller, null, 8, Scenario.BASE))))
                    .isInstanceOf(Forbidden.class);
        }
        assertThat(catchThrowable(() -> block(pipeline.capacity(as(Role.CLIENT),
                YearMonth.of(2027, 5), 1)))).isInstanceOf(Forbidden.class);
    }

    @Test
    void anotherAgencysForecastAndCapacityWeighNoneOfThisOnesDeals() {
        Caller stranger = tenants.create("Pipeline Stranger").owner();
        block(cash.recordBalance(stranger, TODAY, eur(500_000)));

        assertThat(block(pipeline.forecast(stranger, null, 8, Scenario.BASE)).weeks())
                .extracting(CashForecast.Week::closing).containsOnly(eur(500_000));
        // no team there: no capacity and no pipeline
        assertThat(block(pipeline.capacity(stranger, YearMonth.of(2027, 5), 1))).singleElement().satisfies(m -> {
            assertThat(m.capacityDays()).isEqualByComparingTo("0");
            assertThat(m.weightedPipelineDays()).isEqualByComparingTo("0");
        });
    }
}
