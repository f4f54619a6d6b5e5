package io.cordee.core.staffing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * Which days people work: Monday to Friday, except the agency's public holidays.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;

    public WorkingCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** France's eleven public holidays for the given years: the demo agency's default. */
    public static WorkingCalendar france(int fromYear, int toYear) {
        return new WorkingCalendar(PublicHolidays.france(fromYear, toYear));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** Working days from {@code from} to {@code to}, both included; 0 when {@code to} is before {@code from}. */
    public int workingDays(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    public int workingDays(YearMonth month) {
        return workingDays(month.atDay(1), month.atEndOfMonth());
    }
}
