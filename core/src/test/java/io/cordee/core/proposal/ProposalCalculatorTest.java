package io.cordee.core.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.PaymentDelayModel.Delays;
import io.cordee.core.billing.Receivable;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashForecaster;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A small agency, worked out by hand. One person (FTE 1.0, loaded cost 10,000.00 a month, paid on the
 * 25th) works 100 % from Monday 2 November 2026 to Sunday 31 January 2027 on the one project of Atelier
 * (SME, 60-day terms, pays on the due date: delay 0). Fee 30,000.00, one planned invoice issued on
 * launch day, 31 January 2027, due 60 days later: Thursday 1 April 2027. Bank: 50,000.00 on 1 November.
 * The forecast runs 26 weeks from Monday 2 November 2026 (to Sunday 2 May 2027); no public holidays.
 *
 * <pre>
 * working days: November 21 (Mon 2 – Mon 30), December 23, January 21 (Fri 1 – Fri 29)
 * staff cost put in by a Sunday: Nov 29 = 10,000 × 20/21 =  9,523.81; Dec 27 = 10,000 + 10,000 × 19/23 = 18,260.87
 *                                Jan 24 = 20,000 + 10,000 × 16/21 = 27,619.05; Jan 31 = 30,000.00
 *
 * BASE: payroll −10,000 on 25 Nov, 25 Dec, 25 Jan, 25 Feb, 25 Mar (Thu, week of 22 Mar), 25 Apr (a Sunday)
 *   balance 40,000 → 30,000 → 20,000 → 10,000 → 0 (week of 22 March) → +30,000 on 1 April → 20,000
 *   lowest 0.00; exposure peaks at 30,000.00 (week of 25 Jan) and lasts from the week of 2 Nov to the week
 *   of 22 March: 21 weeks.
 * A. deposit 30 %: 9,000 issued 2 Nov, due (60 days) 1 Jan; the rest 21,000 on 31 Jan, due 1 April
 *   balance … 30,000 (25 Dec) → 39,000 (1 Jan) → 29,000 → 19,000 → 9,000 (week of 22 Mar) → lowest 9,000.00
 *   exposure peak 30,000 − 9,000 = 21,000.00
 * B. monthly in arrears: 10,000 at the end of Nov, Dec, Jan, due 29 Jan (Fri), 1 Mar (Mon), 1 Apr (Thu)
 *   weekly closings: 40,000 (wk 23 Nov), 30,000 (wk 21 Dec), 20,000 + 10,000 = 30,000 (wk 25 Jan),
 *   20,000 (wk 22 Feb), 30,000, 20,000 (wk 22 Mar), 30,000, 20,000 (wk 19 Apr) → lowest 20,000.00
 *   exposure: Sunday 24 Jan 27,619.05 − 0 received = 27,619.05, the peak (Jan 31: 30,000 − 10,000)
 * C. 30-day terms: the 30,000 is due 2 March (Tue) instead of 1 April
 *   balance … 10,000 (wk 22 Feb) → 40,000 (2 Mar) → 30,000 → 20,000 → lowest 10,000.00; exposure unchanged
 * D. all three: 9,000 due 2 Dec; 7,000 at the end of Nov, Dec, Jan due 30 Dec, 30 Jan, 2 Mar
 *   weekly closings: 40,000 (wk 23 Nov), 49,000, 39,000 (wk 21 Dec), 46,000, 43,000 (wk 25 Jan: −10,000
 *   +7,000), 33,000, 40,000, 30,000, 20,000 (wk 19 Apr) → lowest 20,000.00
 *   exposure: Nov 29: 9,523.81; Dec 27: 18,260.87 − 9,000 = 9,260.87; Jan 24: 27,619.05 − 16,000 =
 *   11,619.05, the peak
 * </pre>
 */
class ProposalCalculatorTest {

    static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    static final ClientId ATELIER = new ClientId(UUID.randomUUID());
    static final ProjectId SITE = new ProjectId(UUID.randomUUID());
    static final TeamMemberId ANNA = new TeamMemberId(UUID.randomUUID());
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);

    static final ProposalOption DEPOSIT = new ProposalOption(30, false, null);
    static final ProposalOption MONTHLY = new ProposalOption(null, true, null);
    static final ProposalOption TERMS_30 = new ProposalOption(null, false, 30);
    static final ProposalOption ALL = new ProposalOption(30, true, 30);

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount).movePointRight(2).longValueExact(),
                java.util.Currency.getInstance("EUR"));
    }

    static Client atelier() {
        return new Client(ATELIER, AGENCY, "Atelier", Segment.SME, 60, List.of(), null, false, 0);
    }

    static TeamMember anna() {
        return new TeamMember(ANNA, AGENCY, "Anna", "Designer", List.of(), BigDecimal.ONE, eur("10000"),
                eur("600"), false, 0);
    }

    static Project site() {
        return new Project(SITE, AGENCY, ATELIER, "Site", ProjectStatus.ACTIVE, AS_OF, LocalDate.of(2027, 1, 31),
                null, eur("30000"), 60, 0);
    }

    static ProposalCalculator.Inputs inputs() {
        ForecastInput forecast = new ForecastInput(AS_OF, 26, Money.zero(java.util.Currency.getInstance("EUR")), 25,
                new BankBalance(LocalDate.of(2026, 11, 1), eur("50000")), List.of(),
                List.of(new Receivable(new InvoiceId(UUID.randomUUID()), ATELIER, SITE, InvoiceStatus.PLANNED,
                        LocalDate.of(2027, 1, 31), LocalDate.of(2027, 4, 1), eur("30000"))),
                List.of(anna()), List.of(), List.of(),
                Map.of(ATELIER, new ForecastInput.ClientProfile(atelier(), new Delays(0, 0, 0))), Map.of());
        return new ProposalCalculator.Inputs(atelier(), forecast, List.of(site()),
                List.of(new Allocation(new AllocationId(UUID.randomUUID()), AGENCY, ANNA, SITE, 100, AS_OF,
                        LocalDate.of(2027, 1, 31), 0)),
                List.of(anna()), List.of(), new WorkingCalendar(Set.of()), Map.of(SITE, 150L), 30);
    }

    @Test
    void theFacts() {
        ProposalFacts facts = ProposalCalculator.compute(inputs(), List.of(DEPOSIT)).facts();

        // Anna is the whole agency: 100 % of November to January, nothing after
        assertThat(facts.capacity()).extracting(ProposalFacts.MonthShare::percent)
                .containsExactly(100, 100, 100, 0, 0, 0);
        assertThat(facts.heavyMonths()).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12),
                YearMonth.of(2027, 1));
        assertThat(facts.peakExposure()).isEqualTo(eur("30000.00"));
        assertThat(facts.peakWeek()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(facts.weeksAboveZero()).isEqualTo(21);
        assertThat(facts.timeToFirstCash()).extracting(ProposalFacts.ProjectCash::days).containsExactly(150L);
        assertThat(facts.paymentTermsDays()).isEqualTo(60);
    }

    @Test
    void eachOptionAgainstTheBase() {
        List<OptionEffect> effects = ProposalCalculator.compute(inputs(), List.of(DEPOSIT, MONTHLY, TERMS_30, ALL))
                .options();

        assertThat(effects).extracting(OptionEffect::baseLowestBalance).containsOnly(eur("0.00"));
        assertThat(effects).extracting(OptionEffect::basePeakExposure).containsOnly(eur("30000.00"));
        assertThat(effects).extracting(OptionEffect::optionLowestBalance)
                .containsExactly(eur("9000.00"), eur("20000.00"), eur("10000.00"), eur("20000.00"));
        assertThat(effects).extracting(OptionEffect::lowestBalanceLift)
                .containsExactly(eur("9000.00"), eur("20000.00"), eur("10000.00"), eur("20000.00"));
        assertThat(effects).extracting(OptionEffect::optionPeakExposure)
                .containsExactly(eur("21000.00"), eur("27619.05"), eur("30000.00"), eur("11619.05"));
        assertThat(effects).extracting(OptionEffect::peakExposureChange)
                .containsExactly(eur("-9000.00"), eur("-2380.95"), eur("0.00"), eur("-18380.95"));
    }

    @Test
    void anOptionIsTheCustomScenarioOfTheForecast() {
        ProposalCalculator.Inputs in = inputs();
        OptionEffect all = ProposalCalculator.compute(in, List.of(ALL)).options().get(0);
        ForecastInput withProjects = new ForecastInput(in.forecast().asOf(), 26, in.forecast().safetyThreshold(), 25,
                in.forecast().latestBalance(), List.of(), in.forecast().receivables(), in.forecast().team(),
                List.of(), List.of(), in.forecast().clients(), Map.of(SITE, site()));

        assertThat(all.optionLowestBalance()).isEqualTo(CashForecaster.forecast(withProjects,
                Scenario.custom(Map.of(ATELIER, ALL.adjustment()))).lowestBalance());
        assertThat(all.baseLowestBalance()).isEqualTo(CashForecaster.forecast(withProjects, Scenario.BASE)
                .lowestBalance());
    }

    @Test
    void badOptionsAreRefusedTogether() {
        assertThatThrownBy(() -> ProposalCalculator.compute(inputs(), List.of(new ProposalOption(150, false, -5),
                new ProposalOption(null, false, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("options[0].depositPercent", "options[0].paymentTermsDays", "options[1]"));
        assertThatThrownBy(() -> ProposalCalculator.compute(inputs(), List.of()))
                .isInstanceOf(InvalidInput.class);
    }
}
