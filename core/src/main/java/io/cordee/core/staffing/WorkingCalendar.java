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
    /** The holidays that fall on a weekday, as sorted epoch days: the ones that take a working day away. */
    private final long[] weekdayHolidays;

    public WorkingCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
        this.weekdayHolidays = this.holidays.stream()
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .mapToLong(LocalDate::toEpochDay).sorted().toArray();
    }

    /** France's eleven public holidays for the given years: the demo agency's default. */
    public static WorkingCalendar france(int fromYear, int toYear) {
        return new WorkingCalendar(PublicHolidays.france(fromYear, toYear));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * Working days from {@code from} to {@code to}, both included; 0 when {@code to} is before {@code from}.
     * Counted, not walked: weekdays by arithmetic, minus the weekday holidays in the range (the
     * exposure and capacity of a large agency ask this hundreds of thousands of times).
     */
    public int workingDays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        long first = from.toEpochDay();
        long last = to.toEpochDay();
        long weekdays = weekdaysBefore(last + 1) - weekdaysBefore(first);
        int holidaysIn = firstIndexAbove(last) - firstIndexAbove(first - 1);
        return (int) (weekdays - holidaysIn);
    }

    /** Weekdays from a fixed Monday (epoch day −3, 1969-12-29) up to epoch day {@code day}, excluded. */
    private static long weekdaysBefore(long day) {
        long sinceMonday = day + 3;
        return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7), 5);
    }

    /** How many weekday holidays fall on or before epoch day {@code day}. */
    private int firstIndexAbove(long day) {
        int low = 0;
        int high = weekdayHolidays.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (weekdayHolidays[mid] <= day) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    public int workingDays(YearMonth month) {
        return workingDays(month.atDay(1), month.atEndOfMonth());
    }
}
