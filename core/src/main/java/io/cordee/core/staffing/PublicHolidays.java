package io.cordee.core.staffing;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Public holiday calendars; dates that move with Easter are computed, not listed. */
public final class PublicHolidays {

    private static final List<MonthDay> FRANCE_FIXED = List.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14), MonthDay.of(8, 15),
            MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private PublicHolidays() {
    }

    /** New Year, Easter Monday, 1 and 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 and 11 November, Christmas. */
    public static Set<LocalDate> france(int fromYear, int toYear) {
        Set<LocalDate> days = new HashSet<>();
        for (int year = fromYear; year <= toYear; year++) {
            for (MonthDay md : FRANCE_FIXED) {
                days.add(md.atYear(year));
            }
            LocalDate easter = easterSunday(year);
            days.add(easter.plusDays(1));   // Lundi de Pâques
            days.add(easter.plusDays(39));  // Ascension
            days.add(easter.plusDays(50));  // Lundi de Pentecôte
        }
        return days;
    }

    /** Western Easter Sunday (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
