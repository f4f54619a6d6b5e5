package io.cordee.core.brief;

import io.cordee.core.common.Computations;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Is a brief realistic for the people and the date available? (DESIGN.md, Brief.) Pure.
 *
 * <ul>
 *   <li>capacity: person-days allocated to the project from today to the launch date, both included
 *       (share × FTE × working days);</li>
 *   <li>scope: the Must + Should estimates; ratio = scope ÷ capacity;</li>
 *   <li>verdict: {@code REALISTIC} ≤ 0.85 < {@code TIGHT} ≤ 1.0 < {@code UNREALISTIC};</li>
 *   <li>what would make it realistic: Could requirements are outside the measured scope, so the
 *       requirements to drop are the fewest Should ones (largest estimates first) that bring the ratio to
 *       0.85 — none if Must alone does not fit; and the earliest launch date at which the current
 *       allocations give enough capacity (null if they never do);</li>
 *   <li>budget: the scope priced at the allocated people's average daily bill rate, against the fee;</li>
 *   <li>a flag when that earliest realistic launch falls after the client's communication-plan date.</li>
 * </ul>
 */
public record Feasibility(BigDecimal capacityDays, BigDecimal scopeDays, BigDecimal ratio, Verdict verdict,
                          List<String> requirementsToDrop, LocalDate earliestRealisticLaunch, Money scopeValue,
                          boolean overBudget, boolean launchAfterCommunicationPlan) {

    public enum Verdict {
        REALISTIC,
        TIGHT,
        UNREALISTIC
    }

    public static final BigDecimal REALISTIC_MAX = new BigDecimal("0.85");
    public static final BigDecimal TIGHT_MAX = BigDecimal.ONE;

    public static Verdict verdict(BigDecimal ratio) {
        if (ratio == null) {
            return Verdict.UNREALISTIC;
        }
        return ratio.compareTo(REALISTIC_MAX) <= 0 ? Verdict.REALISTIC
                : ratio.compareTo(TIGHT_MAX) <= 0 ? Verdict.TIGHT : Verdict.UNREALISTIC;
    }

    public static Feasibility assess(List<Requirement> requirements, Collection<Allocation> allocations,
                                     Map<TeamMemberId, TeamMember> team, WorkingCalendar calendar, LocalDate today,
                                     LocalDate launch, LocalDate communicationPlanDate, Money feeBudget) {
        BigDecimal scope = sum(requirements.stream().filter(Requirement::inScope).toList());
        BigDecimal capacity = capacity(allocations, team, calendar, today, launch);
        BigDecimal ratio = capacity.signum() == 0 ? null : scope.divide(capacity, 4, RoundingMode.HALF_UP);

        // fewest Should requirements to drop: the largest first
        List<String> drop = new ArrayList<>();
        BigDecimal target = capacity.multiply(REALISTIC_MAX);
        BigDecimal remaining = scope;
        List<Requirement> shoulds = requirements.stream().filter(r -> r.priority() == Priority.SHOULD)
                .sorted(Comparator.comparing(Requirement::estimateDays).reversed()).toList();
        for (Requirement r : shoulds) {
            if (remaining.compareTo(target) <= 0) {
                break;
            }
            drop.add(r.key());
            remaining = remaining.subtract(r.estimateDays());
        }
        if (remaining.compareTo(target) > 0) {
            drop = List.of(); // even Must alone does not fit: dropping Shoulds is not the answer
        }

        LocalDate earliest = earliestLaunch(scope, allocations, team, calendar, today);
        BigDecimal allocatedDays = capacity(allocations, team, calendar, today, lastDay(allocations, today));
        Money value = scopeValue(scope, allocations, team, calendar, today, feeBudget, allocatedDays);
        return new Feasibility(capacity, scope, ratio, verdict(ratio), List.copyOf(drop), earliest, value,
                value.compareTo(feeBudget) > 0,
                earliest != null && communicationPlanDate != null && earliest.isAfter(communicationPlanDate));
    }

    /** Person-days allocated between two dates (both included). */
    static BigDecimal capacity(Collection<Allocation> allocations, Map<TeamMemberId, TeamMember> team,
                               WorkingCalendar calendar, LocalDate from, LocalDate to) {
        BigDecimal days = BigDecimal.ZERO;
        for (Allocation a : allocations) {
            TeamMember m = team.get(a.memberId());
            if (m == null || to == null) {
                continue;
            }
            LocalDate start = a.from().isAfter(from) ? a.from() : from;
            LocalDate end = a.to().isBefore(to) ? a.to() : to;
            int working = m.availableDays(start, end, calendar);
            days = days.add(BigDecimal.valueOf(a.sharePercent()).movePointLeft(2).multiply(m.fte())
                    .multiply(BigDecimal.valueOf(working)));
        }
        return days;
    }

    /** The first day by which the allocations give scope ÷ 0.85 person-days; null if they never do. */
    static LocalDate earliestLaunch(BigDecimal scope, Collection<Allocation> allocations,
                                    Map<TeamMemberId, TeamMember> team, WorkingCalendar calendar, LocalDate today) {
        BigDecimal needed = scope.divide(REALISTIC_MAX, 4, RoundingMode.HALF_UP);
        if (needed.signum() == 0) {
            return today;
        }
        LocalDate last = lastDay(allocations, today);
        BigDecimal cumulated = BigDecimal.ZERO;
        for (LocalDate day = today; last != null && !day.isAfter(last); day = day.plusDays(1)) {
            Computations.checkpoint();
            cumulated = cumulated.add(capacity(allocations, team, calendar, day, day));
            if (cumulated.compareTo(needed) >= 0) {
                return day;
            }
        }
        return null;
    }

    private static LocalDate lastDay(Collection<Allocation> allocations, LocalDate today) {
        return allocations.stream().map(Allocation::to).filter(d -> !d.isBefore(today)).max(LocalDate::compareTo)
                .orElse(null);
    }

    /** The scope priced at the allocated people's average daily bill rate, weighted by their allocated days. */
    private static Money scopeValue(BigDecimal scope, Collection<Allocation> allocations,
                                    Map<TeamMemberId, TeamMember> team, WorkingCalendar calendar, LocalDate today,
                                    Money fee, BigDecimal allocatedDays) {
        if (allocatedDays.signum() == 0) {
            return Money.zero(fee.currency());
        }
        BigDecimal weighted = BigDecimal.ZERO;
        LocalDate last = lastDay(allocations, today);
        for (Allocation a : allocations) {
            TeamMember m = team.get(a.memberId());
            if (m != null) {
                weighted = weighted.add(capacity(List.of(a), team, calendar, today, last)
                        .multiply(BigDecimal.valueOf(m.dailyBillRate().minorUnits())));
            }
        }
        BigDecimal averageRate = weighted.divide(allocatedDays, 10, RoundingMode.HALF_UP);
        return new Money(scope.multiply(averageRate).setScale(0, RoundingMode.HALF_UP).longValueExact(),
                fee.currency());
    }

    private static BigDecimal sum(List<Requirement> requirements) {
        return requirements.stream().map(Requirement::estimateDays).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
