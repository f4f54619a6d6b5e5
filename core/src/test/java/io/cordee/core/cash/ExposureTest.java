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
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExposureTest {

    private static final WorkingCalendar NO_HOLIDAYS = new WorkingCalendar(Set.of());
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void exposureGrowsWithTheWorkAndFallsWithTheCash() {
        // A costs 6,600.00 a month; June 2026 has 22 working days → 300.00 a day, 150.00 at 50 %
        TeamMember a = new TeamMember(new TeamMemberId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), "A", null,
                List.of(), BigDecimal.ONE, Money.of(660_000, "EUR"), Money.of(80_000, "EUR"), false, 0);
        Allocation half = new Allocation(new AllocationId(UUID.randomUUID()), a.agencyId(), a.id(),
                new ProjectId(UUID.randomUUID()), 50, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 26), 0);
        List<CashMovement> receipts = List.of(
                new CashMovement(LocalDate.of(2026, 6, 3), Money.of(100_000, "EUR"), null, "Deposit"),
                new CashMovement(LocalDate.of(2026, 7, 1), Money.of(150_000, "EUR"), null, "Milestone"));

        Exposure.Series s = Exposure.weekly(List.of(half), Map.of(a.id(), a), receipts, LocalDate.of(2026, 6, 1), 5,
                NO_HOLIDAYS, EUR);

        // week of   1 Jun: 5 days = 750 − 1,000 received → 0
        //           8 Jun: 1,500 − 1,000 = 500
        //          15 Jun: 2,250 − 1,000 = 1,250
        //          22 Jun: 3,000 (ends Fri 26) − 1,000 = 2,000
        //          29 Jun: 3,000 − 2,500 = 500
        assertThat(s.weeks()).extracting(p -> p.exposure().minorUnits())
                .containsExactly(0L, 50_000L, 125_000L, 200_000L, 50_000L);
        assertThat(s.peak()).isEqualTo(Money.of(200_000, "EUR"));
        assertThat(s.peakWeek()).isEqualTo(LocalDate.of(2026, 6, 22));
        assertThat(s.weeksAboveZero()).isEqualTo(4);
    }

    @Test
    void timeToFirstCash() {
        // start 1 June, first receipt 3 June → 2 days; no receipt expected → none
        assertThat(TimeToFirstCash.days(LocalDate.of(2026, 6, 1),
                List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 3)))).contains(2L);
        assertThat(TimeToFirstCash.days(LocalDate.of(2026, 6, 1), List.of())).isEmpty();
    }
}
