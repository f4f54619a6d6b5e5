package io.cordee.core.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.AbsenceId;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A brief's realism counts only the days people are there (ADR 0036). France, September 2026: 22 working days.
 * <pre>
 * Eve at 100 % on the project 1–30 Sept, leaves Fri 18 Sept: 1–4, 7–11, 14–18 = 4 + 5 + 5 = 14 person-days
 * (not 22); she was also on training 7–8 Sept: 14 − 2 = 12.
 * </pre>
 */
class FeasibilityTeamDatesTest {

    @Test
    void aDepartureAndAnAbsenceShortenTheCapacityAllocatedToTheProject() {
        AgencyId agency = new AgencyId(UUID.randomUUID());
        TeamMemberId eve = new TeamMemberId(UUID.randomUUID());
        ProjectId project = new ProjectId(UUID.randomUUID());
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = LocalDate.of(2026, 9, 30);
        Allocation all = new Allocation(new AllocationId(UUID.randomUUID()), agency, eve, project, 100, from, to, 0);
        WorkingCalendar france = WorkingCalendar.france(2026, 2026);
        TeamMember leaving = new TeamMember(eve, agency, "Eve", null, List.of(), BigDecimal.ONE, Money.of(1, "EUR"),
                Money.of(1, "EUR"), null, LocalDate.of(2026, 9, 18), false, 0, List.of());
        assertThat(Feasibility.capacity(List.of(all), Map.of(eve, leaving), france, from, to)).isEqualByComparingTo("14");
        TeamMember trained = TeamMember.withAbsences(leaving, List.of(new Absence(new AbsenceId(UUID.randomUUID()),
                agency, eve, Absence.Kind.TRAINING, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 8), null, 0)));
        assertThat(Feasibility.capacity(List.of(all), Map.of(eve, trained), france, from, to)).isEqualByComparingTo("12");
    }
}
