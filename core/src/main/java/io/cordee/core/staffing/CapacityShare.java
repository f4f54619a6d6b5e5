package io.cordee.core.staffing;

import io.cordee.core.common.Computations;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How much of the agency's capacity one client takes in a month (DESIGN.md, Computations):
 * Σ (allocation share × FTE × working days in the overlap) over the client's projects, divided by
 * the agency's total capacity that month, Σ (FTE × working days) over the team. A member's working
 * days are those within their start and end dates, less their absences. Pure: no I/O.
 */
public final class CapacityShare {

    private CapacityShare() {
    }

    /** Person-days the team can work in {@code month}. */
    public static BigDecimal totalCapacity(Collection<TeamMember> team, YearMonth month, WorkingCalendar calendar) {
        return team.stream()
                .map(m -> m.capacityDays(month.atDay(1), month.atEndOfMonth(), calendar))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Person-days allocated to each client in {@code month}. */
    public static Map<ClientId, BigDecimal> allocatedDays(Collection<Allocation> allocations,
                                                          Map<TeamMemberId, TeamMember> team,
                                                          Map<ProjectId, ClientId> clientOfProject, YearMonth month,
                                                          WorkingCalendar calendar) {
        Map<ClientId, BigDecimal> days = new HashMap<>();
        for (Allocation a : allocations) {
            Computations.checkpoint();
            TeamMember member = team.get(a.memberId());
            ClientId client = clientOfProject.get(a.projectId());
            if (member == null || client == null) {
                continue;
            }
            LocalDate from = max(a.from(), month.atDay(1));
            LocalDate to = min(a.to(), month.atEndOfMonth());
            int overlap = member.availableDays(from, to, calendar);
            if (overlap > 0) {
                BigDecimal personDays = BigDecimal.valueOf(a.sharePercent()).movePointLeft(2)
                        .multiply(member.fte()).multiply(BigDecimal.valueOf(overlap));
                days.merge(client, personDays, BigDecimal::add);
            }
        }
        return days;
    }

    /** Each client's share of the month's capacity, 0–1 (it can exceed 1 if the team is over-allocated). */
    public static Map<ClientId, BigDecimal> shares(Collection<Allocation> allocations,
                                                   Map<TeamMemberId, TeamMember> team,
                                                   Map<ProjectId, ClientId> clientOfProject, YearMonth month,
                                                   WorkingCalendar calendar) {
        BigDecimal total = totalCapacity(team.values(), month, calendar);
        Map<ClientId, BigDecimal> shares = new HashMap<>();
        if (total.signum() == 0) {
            return shares;
        }
        allocatedDays(allocations, team, clientOfProject, month, calendar)
                .forEach((client, days) -> shares.put(client, share(days, total)));
        return shares;
    }

    /** {@code allocatedDays} ÷ {@code capacity} to six decimals; 0 when there is no capacity. */
    public static BigDecimal share(BigDecimal allocatedDays, BigDecimal capacity) {
        return capacity.signum() == 0 ? BigDecimal.ZERO : allocatedDays.divide(capacity, 6, RoundingMode.HALF_UP);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
