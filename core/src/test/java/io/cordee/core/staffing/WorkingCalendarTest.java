package io.cordee.core.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar france = WorkingCalendar.france(2025, 2027);

    @Test
    void countsTheDaysOfKnownMonths() {
        // May 2026: 21 weekdays − 1, 8, 14 and 25 May = 17; a weekend alone has none
        assertThat(france.workingDays(YearMonth.of(2026, 5))).isEqualTo(17);
        assertThat(france.workingDays(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3))).isZero();
        assertThat(france.workingDays(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 4))).isEqualTo(1);
        assertThat(france.workingDays(LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 4))).isZero();
    }

    @Test
    void countingAgreesWithWalkingEveryDayOverThreeYears() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int from = 0; from < 60; from++) {
            for (int length = -2; length < 800; length += 7 + from % 5) {
                LocalDate a = start.plusDays(from * 3L);
                LocalDate b = a.plusDays(length);
                assertThat(france.workingDays(a, b)).as("%s..%s", a, b).isEqualTo(walked(a, b));
            }
        }
    }

    private int walked(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days += france.isWorkingDay(d) ? 1 : 0;
        }
        return days;
    }
}
