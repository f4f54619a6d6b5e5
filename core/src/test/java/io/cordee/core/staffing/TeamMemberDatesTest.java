package io.cordee.core.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Start and end dates, and absences, in payroll and capacity (ADR 0036). Calendar: France.
 * <pre>
 * September 2026: Tue 1 → Wed 30, no public holiday: 4 + 5 + 5 + 5 + 3 = 22 working days.
 * May 2026: 21 weekdays less 1 May (Fri), 8 May (Fri), Ascension 14 May (Thu, Easter 5 April + 39),
 *           Whit Monday 25 May: 17 working days.
 * </pre>
 */
class TeamMemberDatesTest {

    private static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    private static final WorkingCalendar FRANCE = WorkingCalendar.france(2026, 2027);

    static TeamMember member(String fte, long costCents, LocalDate start, LocalDate end, Absence... absences) {
        TeamMemberId id = new TeamMemberId(UUID.randomUUID());
        List<Absence> list = java.util.Arrays.stream(absences)
                .map(a -> new Absence(a.id(), a.agencyId(), id, a.kind(), a.from(), a.to(), a.note(), 0)).toList();
        return new TeamMember(id, AGENCY, "P", null, List.of(), new BigDecimal(fte), Money.of(costCents, "EUR"),
                Money.of(50_000, "EUR"), start, end, false, 0, list);
    }

    static Absence absence(LocalDate from, LocalDate to) {
        return new Absence(new AbsenceId(UUID.randomUUID()), AGENCY, new TeamMemberId(UUID.randomUUID()),
                Absence.Kind.LEAVE, from, to, null, 0);
    }

    @Test
    void aHireOnThe16thOfA30DayMonthCostsHalfThatMonthAndAllOfTheNext() {
        // June 2026 has 30 days; employed 16–30 June = 15 days: 6,000.00 × 15 / 30 = 3,000.00
        TeamMember hire = member("1", 600_000, LocalDate.of(2026, 6, 16), null);
        assertThat(hire.payrollIn(YearMonth.of(2026, 5))).isEqualTo(Money.of(0, "EUR"));
        assertThat(hire.payrollIn(YearMonth.of(2026, 6))).isEqualTo(Money.of(300_000, "EUR"));
        assertThat(hire.payrollIn(YearMonth.of(2026, 7))).isEqualTo(Money.of(600_000, "EUR"));
    }

    @Test
    void aDepartureCostsUpToItsLastDayThenNothing() {
        // leaves 10 Feb 2027 (28 days): 4,200.00 × 10 / 28 = 1,500.00; nothing in March
        TeamMember leaving = member("1", 420_000, null, LocalDate.of(2027, 2, 10));
        assertThat(leaving.payrollIn(YearMonth.of(2027, 1))).isEqualTo(Money.of(420_000, "EUR"));
        assertThat(leaving.payrollIn(YearMonth.of(2027, 2))).isEqualTo(Money.of(150_000, "EUR"));
        assertThat(leaving.payrollIn(YearMonth.of(2027, 3))).isEqualTo(Money.of(0, "EUR"));
        // starts 2 July 2026 (31 days): 1,000.00 × 30 / 31 = 967.7419… → 967.74, half-up to the cent
        assertThat(member("1", 100_000, LocalDate.of(2026, 7, 2), null).payrollIn(YearMonth.of(2026, 7)))
                .isEqualTo(Money.of(96_774, "EUR"));
    }

    @Test
    void anAbsenceWeekRemovesFiveWorkingDaysOfCapacityButNoPay() {
        // 7–11 Sept 2026, Mon–Fri, no holiday: 22 − 5 = 17 days; at 0.8 FTE 17 × 0.8 = 13.6 person-days
        TeamMember m = member("0.8", 500_000, null, null, absence(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11)));
        assertThat(m.availableDays(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), FRANCE)).isEqualTo(17);
        assertThat(m.capacityDays(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), FRANCE))
                .isEqualByComparingTo("13.6");
        assertThat(m.payrollIn(YearMonth.of(2026, 9))).isEqualTo(Money.of(500_000, "EUR"));
    }

    @Test
    void anAbsenceOverAPublicHolidayOrAnotherAbsenceTakesEachDayOnce() {
        // 11–15 May 2026 holds Ascension (Thu 14): 4 working days go, 17 − 4 = 13, not 12
        LocalDate may1 = LocalDate.of(2026, 5, 1);
        LocalDate may31 = LocalDate.of(2026, 5, 31);
        TeamMember m = member("1", 500_000, null, null, absence(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 15)));
        assertThat(m.availableDays(may1, may31, FRANCE)).isEqualTo(13);
        // 11–13 and 12–15 May overlap: their union is the same 4 working days
        TeamMember twice = member("1", 500_000, null, null, absence(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 13)),
                absence(LocalDate.of(2026, 5, 12), LocalDate.of(2026, 5, 15)));
        assertThat(twice.availableDays(may1, may31, FRANCE)).isEqualTo(13);
        // an absence on a weekend takes nothing: Sat 16 – Sun 17 May
        assertThat(member("1", 1, null, null, absence(LocalDate.of(2026, 5, 16), LocalDate.of(2026, 5, 17)))
                .availableDays(may1, may31, FRANCE)).isEqualTo(17);
    }

    @Test
    void capacityShareCountsOnlyWhoIsThereAndNotAbsent() {
        // September 2026: A (1.0 FTE) absent 7–11 Sept → 17 days; B (1.0) hired Wed 16 Sept → 16–18, 21–25,
        // 28–30 = 3 + 5 + 3 = 11 days; D left on 31 August → 0. Total 28 person-days.
        // A is 100 % on client C all month: 17 allocated (not 22) → share 17 / 28 = 0.607143
        TeamMember a = member("1", 500_000, null, null, absence(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11)));
        TeamMember b = member("1", 500_000, LocalDate.of(2026, 9, 16), null);
        TeamMember d = member("1", 500_000, null, LocalDate.of(2026, 8, 31));
        YearMonth sept = YearMonth.of(2026, 9);
        assertThat(CapacityShare.totalCapacity(List.of(a, b, d), sept, FRANCE)).isEqualByComparingTo("28");
        ProjectId project = new ProjectId(UUID.randomUUID());
        ClientId client = new ClientId(UUID.randomUUID());
        Allocation all = new Allocation(new AllocationId(UUID.randomUUID()), AGENCY, a.id(), project, 100,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), 0);
        Allocation departed = new Allocation(new AllocationId(UUID.randomUUID()), AGENCY, d.id(), project, 100,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), 0);
        Map<ClientId, BigDecimal> shares = CapacityShare.shares(List.of(all, departed),
                Map.of(a.id(), a, b.id(), b, d.id(), d), Map.of(project, client), sept, FRANCE);
        assertThat(shares.get(client)).isEqualByComparingTo("0.607143");
    }
}
