package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A person of the agency: their job, skills, how much of a full week they work ({@code fte}, 1.0 is
 * full time), what they cost per month all charges included, and what a day of theirs is billed.
 *
 * <p>{@code startDate} and {@code endDate} (both included, either may be null: "always been here",
 * "not leaving") bound when the person costs and counts: a planned hire is in payroll and capacity
 * from its start, a departure leaves both after its end (ADR 0036). {@code absences} take working days
 * out of their capacity; they are read with the member and written through {@link AbsenceRepository}.
 */
public record TeamMember(TeamMemberId id, AgencyId agencyId, String name, String jobTitle, List<String> skills,
                         BigDecimal fte, Money monthlyLoadedCost, Money dailyBillRate, LocalDate startDate,
                         LocalDate endDate, boolean archived, long version, List<Absence> absences) {

    public TeamMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fte, "fte");
        Objects.requireNonNull(monthlyLoadedCost, "monthlyLoadedCost");
        Objects.requireNonNull(dailyBillRate, "dailyBillRate");
        skills = skills == null ? List.of() : List.copyOf(skills);
        absences = absences == null ? List.of() : List.copyOf(absences);
    }

    /** A member with no start or end date and no absence: here for good. */
    public TeamMember(TeamMemberId id, AgencyId agencyId, String name, String jobTitle, List<String> skills,
                      BigDecimal fte, Money monthlyLoadedCost, Money dailyBillRate, boolean archived, long version) {
        this(id, agencyId, name, jobTitle, skills, fte, monthlyLoadedCost, dailyBillRate, null, null, archived,
                version, List.of());
    }

    /** {@code m} with these absences (static, so that row mappers do not take it for a fluent setter). */
    public static TeamMember withAbsences(TeamMember m, List<Absence> list) {
        return new TeamMember(m.id, m.agencyId, m.name, m.jobTitle, m.skills, m.fte, m.monthlyLoadedCost,
                m.dailyBillRate, m.startDate, m.endDate, m.archived, m.version, list);
    }

    /** Whether the person is with the agency on {@code day} (archived members never are). */
    public boolean employedOn(LocalDate day) {
        return !archived && (startDate == null || !day.isBefore(startDate)) && (endDate == null || !day.isAfter(endDate));
    }

    /**
     * Working days the person can give between two dates (both included), before FTE: the calendar's
     * working days within their employment, less those of their absences. Overlapping absences and
     * absences on a holiday or weekend take each working day away once.
     */
    public int availableDays(LocalDate from, LocalDate to, WorkingCalendar calendar) {
        if (archived) {
            return 0;
        }
        LocalDate first = startDate != null && startDate.isAfter(from) ? startDate : from;
        LocalDate last = endDate != null && endDate.isBefore(to) ? endDate : to;
        if (last.isBefore(first)) {
            return 0;
        }
        int days = calendar.workingDays(first, last);
        if (absences.isEmpty()) {
            return days;
        }
        List<Absence> sorted = new ArrayList<>(absences);
        sorted.sort(Comparator.comparing(Absence::from));
        LocalDate coveredUpTo = first.minusDays(1); // absences are merged as they come, so no day counts twice
        for (Absence a : sorted) {
            LocalDate s = a.from().isAfter(coveredUpTo) ? a.from() : coveredUpTo.plusDays(1);
            LocalDate e = a.to().isBefore(last) ? a.to() : last;
            if (!e.isBefore(s)) {
                days -= calendar.workingDays(s, e);
                coveredUpTo = e;
            }
        }
        return Math.max(days, 0);
    }

    /** Person-days (FTE × available days) between two dates. */
    public BigDecimal capacityDays(LocalDate from, LocalDate to, WorkingCalendar calendar) {
        return fte.multiply(BigDecimal.valueOf(availableDays(from, to, calendar)));
    }

    /**
     * What the person costs in {@code month} (ADR 0036): the whole monthly loaded cost for a month they
     * are employed throughout, nothing for a month they are not employed at all, and in the month of a
     * start or an end the cost prorated by calendar days, cost × days employed ÷ days in the month,
     * rounded half-up to the minor unit. Absences do not change it.
     */
    public Money payrollIn(YearMonth month) {
        Money zero = new Money(0, monthlyLoadedCost.currency());
        if (archived) {
            return zero;
        }
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate s = startDate != null && startDate.isAfter(first) ? startDate : first;
        LocalDate e = endDate != null && endDate.isBefore(last) ? endDate : last;
        if (e.isBefore(s)) {
            return zero;
        }
        long employed = ChronoUnit.DAYS.between(s, e) + 1;
        if (employed == month.lengthOfMonth()) {
            return monthlyLoadedCost;
        }
        long minor = BigDecimal.valueOf(monthlyLoadedCost.minorUnits()).multiply(BigDecimal.valueOf(employed))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 0, RoundingMode.HALF_UP).longValueExact();
        return new Money(minor, monthlyLoadedCost.currency());
    }
}
