package io.cordee.core.cash;

import io.cordee.core.common.Computations;
import io.cordee.core.money.Money;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A client's exposure (DESIGN.md, Computations): at each date, the loaded cost of the staff time the
 * agency has put into the client's projects so far, minus the cash received from the client so far,
 * never below 0. A working day of a member costs their monthly loaded cost ÷ the working days of that
 * month; an allocation costs its share of it.
 */
public final class Exposure {

    /** The exposure at the end of each week (Sunday), its peak and how many weeks it stays above zero. */
    public record Series(List<Point> weeks, Money peak, LocalDate peakWeek, int weeksAboveZero) {
    }

    public record Point(LocalDate monday, Money exposure) {
    }

    private Exposure() {
    }

    /**
     * @param allocations the allocations to the client's projects
     * @param receipts    cash from the client: actual payments and, in the future, expected ones
     */
    public static Series weekly(Collection<Allocation> allocations, Map<TeamMemberId, TeamMember> team,
                                Collection<CashMovement> receipts, LocalDate firstMonday, int weeks,
                                WorkingCalendar calendar, Currency currency) {
        Costs costs = new Costs(allocations, team, calendar, currency);
        List<Point> points = new ArrayList<>();
        Money peak = Money.zero(currency);
        LocalDate peakWeek = null;
        int above = 0;
        for (int w = 0; w < weeks; w++) {
            LocalDate monday = firstMonday.plusWeeks(w);
            LocalDate sunday = monday.plusDays(6);
            Money cost = costs.upTo(sunday);
            Money received = receipts.stream().filter(r -> !r.date().isAfter(sunday)).map(CashMovement::amount)
                    .reduce(Money.zero(currency), Money::plus);
            Money exposure = cost.minus(received);
            if (exposure.isNegative()) {
                exposure = Money.zero(currency);
            }
            points.add(new Point(monday, exposure));
            if (exposure.minorUnits() > 0) {
                above++;
            }
            if (exposure.compareTo(peak) > 0) {
                peak = exposure;
                peakWeek = monday;
            }
        }
        return new Series(points, peak, peakWeek, above);
    }

    /**
     * A client's exposure from the forecast's as-of date: the one definition every use case shares (the
     * exposure query, the alert rules, the proposal's options, the clients list). Cash received is the
     * client's payments on or before as-of (the opening position, as the forecast counts them) and, after
     * that, its receivables at their expected dates under {@code scenario}, a late one on as-of itself.
     *
     * @param forecast   the forecast's input; null when there is none (no bank balance): payments only
     * @param payments   the client's payments (those after as-of are ignored)
     * @param allocations the allocations to the client's projects
     */
    public static Series ofClient(io.cordee.core.client.ClientId clientId, LocalDate asOf, ForecastInput forecast,
                                  Scenario scenario, Collection<Allocation> allocations,
                                  Map<TeamMemberId, TeamMember> team, Collection<CashMovement> payments, int weeks,
                                  WorkingCalendar calendar, Currency currency) {
        return ofClient(clientId, asOf, forecast == null ? List.of()
                : CashForecaster.expectedReceipts(forecast, scenario, clientId), allocations, team, payments, weeks,
                calendar, currency);
    }

    /** As above, with the client's expected receipts (CashForecaster#expectedReceipts) already derived. */
    static Series ofClient(io.cordee.core.client.ClientId clientId, LocalDate asOf, List<CashMovement> expected,
                           Collection<Allocation> allocations, Map<TeamMemberId, TeamMember> team,
                           Collection<CashMovement> payments, int weeks, WorkingCalendar calendar, Currency currency) {
        List<CashMovement> receipts = new ArrayList<>();
        for (CashMovement p : payments) {
            if (!p.date().isAfter(asOf)) {
                receipts.add(p);
            }
        }
        receipts.addAll(expected);
        LocalDate monday = asOf.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        return weekly(allocations, team, receipts, monday, weeks, calendar, currency);
    }

    /** Loaded cost of the allocated time from each allocation's start up to {@code until}, to the cent. */
    static Money costUpTo(Collection<Allocation> allocations, Map<TeamMemberId, TeamMember> team, LocalDate until,
                          WorkingCalendar calendar, Currency currency) {
        BigDecimal cents = BigDecimal.ZERO;
        for (Allocation a : allocations) {
            Computations.checkpoint();
            TeamMember member = team.get(a.memberId());
            if (member == null || a.from().isAfter(until)) {
                continue;
            }
            LocalDate end = a.to().isBefore(until) ? a.to() : until;
            for (YearMonth month = YearMonth.from(a.from()); !month.atDay(1).isAfter(end); month = month.plusMonths(1)) {
                LocalDate from = a.from().isAfter(month.atDay(1)) ? a.from() : month.atDay(1);
                LocalDate to = end.isBefore(month.atEndOfMonth()) ? end : month.atEndOfMonth();
                int days = calendar.workingDays(from, to);
                int monthDays = calendar.workingDays(month);
                if (days > 0 && monthDays > 0) {
                    cents = cents.add(BigDecimal.valueOf(member.monthlyLoadedCost().minorUnits())
                            .multiply(BigDecimal.valueOf(a.sharePercent())).multiply(BigDecimal.valueOf(days))
                            .divide(BigDecimal.valueOf(100L * monthDays), 10, RoundingMode.HALF_UP));
                }
            }
        }
        return new Money(cents.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency);
    }

    /**
     * {@link #costUpTo} for one set of allocations at dates that only move forward, with the same terms
     * (one per allocation and month, each rounded as there) and so the same result, without recomputing
     * the months already over: a month's term is final once its last day is passed.
     */
    private static final class Costs {
        private final List<Term> terms = new java.util.LinkedList<>();
        private BigDecimal finished = BigDecimal.ZERO;
        private final Currency currency;
        private final WorkingCalendar calendar;

        Costs(Collection<Allocation> allocations, Map<TeamMemberId, TeamMember> team, WorkingCalendar calendar,
              Currency currency) {
            this.currency = currency;
            this.calendar = calendar;
            for (Allocation a : allocations) {
                TeamMember member = team.get(a.memberId());
                if (member == null) {
                    continue;
                }
                for (YearMonth month = YearMonth.from(a.from()); !month.atDay(1).isAfter(a.to());
                     month = month.plusMonths(1)) {
                    LocalDate from = a.from().isAfter(month.atDay(1)) ? a.from() : month.atDay(1);
                    LocalDate to = a.to().isBefore(month.atEndOfMonth()) ? a.to() : month.atEndOfMonth();
                    int monthDays = calendar.workingDays(month);
                    if (monthDays > 0) {
                        terms.add(new Term(from, to, BigDecimal.valueOf(member.monthlyLoadedCost().minorUnits())
                                .multiply(BigDecimal.valueOf(a.sharePercent())), BigDecimal.valueOf(100L * monthDays)));
                    }
                }
            }
        }

        /** The cost up to {@code until}; each call's date on or after the previous one's. */
        Money upTo(LocalDate until) {
            BigDecimal cents = finished;
            for (java.util.Iterator<Term> it = terms.iterator(); it.hasNext(); ) {
                Term t = it.next();
                if (!until.isBefore(t.to)) {
                    BigDecimal whole = t.of(calendar.workingDays(t.from, t.to));
                    finished = finished.add(whole);
                    cents = cents.add(whole);
                    it.remove();
                } else if (!t.from.isAfter(until)) {
                    cents = cents.add(t.of(calendar.workingDays(t.from, until)));
                }
            }
            return new Money(cents.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency);
        }
    }

    /** One allocation's cost in one month, from {@code from} to {@code to}, for a number of its working days. */
    private record Term(LocalDate from, LocalDate to, BigDecimal costTimesShare, BigDecimal divisor) {

        BigDecimal of(int days) {
            return days > 0 ? costTimesShare.multiply(BigDecimal.valueOf(days)).divide(divisor, 10, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO;
        }
    }
}
