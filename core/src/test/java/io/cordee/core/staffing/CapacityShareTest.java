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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CapacityShareTest {

    private static final WorkingCalendar FRANCE = WorkingCalendar.france(2026, 2027);

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28"})
    void easter(int year, LocalDate sunday) {
        assertThat(PublicHolidays.easterSunday(year)).isEqualTo(sunday);
    }

    @ParameterizedTest(name = "{0}: {1} working days")
    @CsvSource({
            // May 2026: 31 days − 10 weekend days = 21 weekdays, minus 4 weekday holidays:
            // Fri 1 May, Fri 8 May, Thu 14 May (Ascension = Easter 5 Apr + 39), Mon 25 May (Whit Monday = + 50)
            "2026-05, 17",
            // June 2026: 22 weekdays, no holiday
            "2026-06, 22",
            // December 2026: 23 weekdays, Christmas on a Friday → 22
            "2026-12, 22",
            // August 2026: 21 weekdays; 15 August is a Saturday, so it costs nothing
            "2026-08, 21"})
    void workingDaysOfAMonth(YearMonth month, int expected) {
        assertThat(FRANCE.workingDays(month)).isEqualTo(expected);
    }

    @Test
    void shareOfAClientAcrossAMonthBoundaryAndHolidays() {
        TeamMember a = member("1.0");
        TeamMember b = member("0.5");
        ClientId x = new ClientId(UUID.randomUUID());
        ClientId y = new ClientId(UUID.randomUUID());
        ProjectId p = new ProjectId(UUID.randomUUID());
        ProjectId q = new ProjectId(UUID.randomUUID());
        ProjectId r = new ProjectId(UUID.randomUUID());
        List<Allocation> allocations = List.of(
                // A at 50 % from 20 April to 12 May: in May the working days are 4–7 and 11–12 (1 and 8 are
                // holidays) = 6 days → 0.5 × 1.0 × 6 = 3.0 person-days
                alloc(a.id(), p, 50, LocalDate.of(2026, 4, 20), LocalDate.of(2026, 5, 12)),
                // B at 100 % from 25 May to 10 June: in May 26–29 (25 is Whit Monday, 30–31 a weekend)
                // = 4 days → 1.0 × 0.5 × 4 = 2.0 person-days
                alloc(b.id(), q, 100, LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 10)),
                // A full time on 13–14 May for client Y: 14 May is Ascension → 1 day → 1.0 person-day
                alloc(a.id(), r, 100, LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 14)));
        Map<TeamMemberId, TeamMember> team = Map.of(a.id(), a, b.id(), b);
        Map<ProjectId, ClientId> clients = Map.of(p, x, q, x, r, y);
        YearMonth may = YearMonth.of(2026, 5);

        // capacity: (1.0 + 0.5) FTE × 17 working days = 25.5 person-days
        assertThat(CapacityShare.totalCapacity(team.values(), may, FRANCE)).isEqualByComparingTo("25.5");
        Map<ClientId, BigDecimal> shares = CapacityShare.shares(allocations, team, clients, may, FRANCE);
        // X: (3.0 + 2.0) / 25.5 = 0.1960784… ; Y: 1.0 / 25.5 = 0.0392156…
        assertThat(shares.get(x)).isEqualByComparingTo("0.196078");
        assertThat(shares.get(y)).isEqualByComparingTo("0.039216");

        // June: only B's allocation, 1–10 June = 8 working days → 0.5 × 8 = 4.0 of 1.5 × 22 = 33.0 → 0.121212
        assertThat(CapacityShare.shares(allocations, team, clients, YearMonth.of(2026, 6), FRANCE))
                .containsOnlyKeys(x).hasEntrySatisfying(x, s -> assertThat(s).isEqualByComparingTo("0.121212"));
    }

    private static Allocation alloc(TeamMemberId member, ProjectId project, int share, LocalDate from, LocalDate to) {
        return new Allocation(new AllocationId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), member, project,
                share, from, to, 0);
    }

    private static TeamMember member(String fte) {
        return new TeamMember(new TeamMemberId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), "M", null,
                List.of(), new BigDecimal(fte), Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), false, 0);
    }
}
