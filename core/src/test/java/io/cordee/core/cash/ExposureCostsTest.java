package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The weekly series adds up costs week after week; it must give exactly what {@code costUpTo} gives at each Sunday. */
class ExposureCostsTest {

    @Test
    void theWeeklySeriesIsTheCostUpToEachSundayToTheCent() {
        AgencyId agency = new AgencyId(UUID.randomUUID());
        Currency eur = Currency.getInstance("EUR");
        List<TeamMember> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, "P" + i, null, List.of(),
                    BigDecimal.ONE, Money.of(433_333 + i * 12_347, "EUR"), Money.of(60_000, "EUR"), false, 0));
        }
        List<Allocation> allocations = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 1, 7);
        for (int i = 0; i < 40; i++) {
            LocalDate from = start.plusDays(i * 11L);
            allocations.add(new Allocation(new AllocationId(UUID.randomUUID()), agency, people.get(i % 5).id(),
                    new ProjectId(UUID.randomUUID()), 10 + (i * 7) % 90, from, from.plusDays(20 + (i * 13) % 150), 0));
        }
        Map<TeamMemberId, TeamMember> team = new java.util.HashMap<>();
        people.forEach(p -> team.put(p.id(), p));
        WorkingCalendar calendar = WorkingCalendar.france(2025, 2028);
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Exposure.Series series = Exposure.weekly(allocations, team, List.of(), monday, 60, calendar, eur);
        for (int w = 0; w < 60; w++) {
            LocalDate sunday = monday.plusWeeks(w).plusDays(6);
            assertThat(series.weeks().get(w).exposure()).as("week of %s", sunday)
                    .isEqualTo(Exposure.costUpTo(allocations, team, sunday, calendar, eur));
        }
    }
}
