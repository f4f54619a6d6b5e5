package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The forecast's payroll follows start and end dates (ADR 0036: prorated by calendar days in the month
 * of a start or an end). Payday the 25th.
 * <pre>
 * Ana 4,000.00 from always; Bob 6,000.00 hired Tue 16 June 2026 (30-day month: 15/30 → 3,000.00)
 *   June payroll 4,000 + 3,000 = 7,000.00 on 25 June; July 4,000 + 6,000 = 10,000.00 on 25 July
 * Ana leaves 15 July instead: July 4,000 × 15/31 = 1,935.483… → 1,935.48; + 6,000 = 7,935.48
 *   August: Bob alone, 6,000.00
 * </pre>
 */
class PayrollDatesTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static TeamMember member(long cents, LocalDate start, LocalDate end) {
        return new TeamMember(new TeamMemberId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), "P", null,
                List.of(), BigDecimal.ONE, Money.of(cents, "EUR"), Money.of(0, "EUR"), start, end, false, 0, List.of());
    }

    private static ForecastInput input(List<TeamMember> team) {
        return new ForecastInput(LocalDate.of(2026, 6, 1), 13, Money.of(0, "EUR"), 25, null, List.of(), List.of(),
                team, List.of(), List.of(), Map.of(), Map.of());
    }

    private static List<Long> payrolls(List<TeamMember> team) {
        return CashForecaster.costs(input(team), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), EUR).stream()
                .map(c -> c.amount().minorUnits()).toList();
    }

    @Test
    void aPlannedHireJoinsPayrollFromItsStartProrated() {
        assertThat(payrolls(List.of(member(400_000, null, null), member(600_000, LocalDate.of(2026, 6, 16), null))))
                .containsExactly(700_000L, 1_000_000L, 1_000_000L);
    }

    @Test
    void aDepartureLeavesPayrollAfterItsEnd() {
        assertThat(payrolls(List.of(member(400_000, null, LocalDate.of(2026, 7, 15)),
                member(600_000, LocalDate.of(2026, 6, 16), null))))
                .containsExactly(700_000L, 793_548L, 600_000L);
    }
}
