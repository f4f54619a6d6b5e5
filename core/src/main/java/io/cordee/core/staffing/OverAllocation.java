package io.cordee.core.staffing;

import io.cordee.core.common.Computations;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Weeks in which a member is given more than all of their time. Allowed (plans are drafts), but
 * reported: per member and ISO week, the highest total share on any working day of that week.
 */
public final class OverAllocation {

    public record MemberWeek(TeamMemberId memberId, LocalDate monday, int peakPercent) {
    }

    private OverAllocation() {
    }

    public static List<MemberWeek> weeks(Collection<Allocation> allocations, LocalDate from, LocalDate to,
                                         WorkingCalendar calendar) {
        List<MemberWeek> result = new ArrayList<>();
        Map<TeamMemberId, List<Allocation>> byMember = allocations.stream()
                .collect(Collectors.groupingBy(Allocation::memberId));
        byMember.forEach((member, list) -> {
            TreeMap<LocalDate, Integer> peakByWeek = new TreeMap<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Computations.checkpoint();
                if (!calendar.isWorkingDay(day)) {
                    continue;
                }
                LocalDate d = day;
                int total = list.stream().filter(a -> a.overlaps(d, d)).mapToInt(Allocation::sharePercent).sum();
                if (total > 100) {
                    peakByWeek.merge(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), total, Math::max);
                }
            }
            peakByWeek.forEach((monday, peak) -> result.add(new MemberWeek(member, monday, peak)));
        });
        result.sort((a, b) -> a.monday().compareTo(b.monday()) != 0 ? a.monday().compareTo(b.monday())
                : a.memberId().value().compareTo(b.memberId().value()));
        return result;
    }
}
