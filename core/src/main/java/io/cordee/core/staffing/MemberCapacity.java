package io.cordee.core.staffing;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One member's month: the agency's working days, the days the member can give (within their start and
 * end, less their absences) and the person-days that makes at their FTE.
 */
public record MemberCapacity(TeamMember member, YearMonth month, int workingDays, int availableDays,
                             BigDecimal capacityDays) {

    public static MemberCapacity of(TeamMember member, YearMonth month, WorkingCalendar calendar) {
        return new MemberCapacity(member, month, calendar.workingDays(month),
                member.availableDays(month.atDay(1), month.atEndOfMonth(), calendar),
                member.capacityDays(month.atDay(1), month.atEndOfMonth(), calendar));
    }
}
