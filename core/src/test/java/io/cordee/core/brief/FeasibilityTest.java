package io.cordee.core.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.brief.Feasibility.Verdict;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * From Monday 4 May 2026 (France): A (1.0 FTE, 800 €/day) full time 4–29 May, B (0.5 FTE, 600 €/day)
 * full time 4 May–30 June, launch Friday 29 May. Working days 4–29 May: 20 weekdays minus 8, 14 and
 * 25 May = 17 → capacity 1.0 × 17 + 0.5 × 17 = 25.5 person-days.
 */
class FeasibilityTest {

    private static final WorkingCalendar FRANCE = WorkingCalendar.france(2026, 2026);
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    private static final LocalDate LAUNCH = LocalDate.of(2026, 5, 29);

    private final TeamMember a = member("1.0", 80_000);
    private final TeamMember b = member("0.5", 60_000);
    private final ProjectId project = new ProjectId(UUID.randomUUID());
    private final List<Allocation> allocations = List.of(
            allocation(a, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 29)),
            allocation(b, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 6, 30)));

    // scope = Must 10 + 6 + Should 5 + 3 = 24 (Could and Won't are outside it)
    private final List<Requirement> requirements = List.of(
            requirement("R1", Priority.MUST, "10"), requirement("R2", Priority.MUST, "6"),
            requirement("R3", Priority.SHOULD, "5"), requirement("R4", Priority.SHOULD, "3"),
            requirement("R5", Priority.COULD, "4"), requirement("R6", Priority.WONT, "2"));

    @Test
    void ratioVerdictDropsAndEarliestLaunch() {
        Feasibility f = Feasibility.assess(requirements, allocations, Map.of(a.id(), a, b.id(), b), FRANCE, TODAY,
                LAUNCH, LocalDate.of(2026, 6, 5), Money.of(1_500_000, "EUR"));

        assertThat(f.capacityDays()).isEqualByComparingTo("25.5");
        assertThat(f.scopeDays()).isEqualByComparingTo("24");
        // 24 / 25.5 = 0.941176… → TIGHT
        assertThat(f.ratio()).isEqualByComparingTo("0.9412");
        assertThat(f.verdict()).isEqualTo(Verdict.TIGHT);
        // realistic needs scope ≤ 0.85 × 25.5 = 21.675: dropping the largest Should (R3, 5) leaves 19
        assertThat(f.requirementsToDrop()).containsExactly("R3");
        // or more time: 24 / 0.85 = 28.24 person-days; by 29 May 25.5, then B alone adds 0.5 a working
        // day: 1–5 June → 28.0, Monday 8 June → 28.5
        assertThat(f.earliestRealisticLaunch()).isEqualTo(LocalDate.of(2026, 6, 8));
        // … which is after the client's communication plan on 5 June
        assertThat(f.launchAfterCommunicationPlan()).isTrue();
        // budget: A 17 days at 800, B 0.5 × 39 working days (4 May–30 June) = 19.5 at 600 → average
        // (13,600 + 11,700) / 36.5 = 693.15068… €/day; 24 days → 16,635.62 € > the 15,000 € fee
        assertThat(f.scopeValue()).isEqualTo(Money.of(1_663_562, "EUR"));
        assertThat(f.overBudget()).isTrue();
    }

    @Test
    void whenMustAloneDoesNotFitNoShouldIsWorthDropping() {
        List<Requirement> heavy = List.of(requirement("M", Priority.MUST, "30"), requirement("S", Priority.SHOULD, "2"));
        Feasibility f = Feasibility.assess(heavy, allocations, Map.of(a.id(), a, b.id(), b), FRANCE, TODAY, LAUNCH,
                null, Money.of(10_000_000, "EUR"));
        // 32 / 25.5 = 1.2549 → UNREALISTIC; 30 alone > 21.675 → no drop list; 32 / 0.85 = 37.65 > all
        // allocated time (36.5) → no realistic date with the current allocations
        assertThat(f.verdict()).isEqualTo(Verdict.UNREALISTIC);
        assertThat(f.requirementsToDrop()).isEmpty();
        assertThat(f.earliestRealisticLaunch()).isNull();
        assertThat(f.launchAfterCommunicationPlan()).isFalse();
    }

    @ParameterizedTest(name = "ratio {0} → {1}")
    @CsvSource({"0.5, REALISTIC", "0.85, REALISTIC", "0.8501, TIGHT", "1.0, TIGHT", "1.0001, UNREALISTIC"})
    void verdictBoundaries(BigDecimal ratio, Verdict verdict) {
        assertThat(Feasibility.verdict(ratio)).isEqualTo(verdict);
    }

    @Test
    void noCapacityIsUnrealistic() {
        assertThat(Feasibility.verdict(null)).isEqualTo(Verdict.UNREALISTIC);
        Feasibility f = Feasibility.assess(requirements, List.of(), Map.of(), FRANCE, TODAY, LAUNCH, null,
                Money.of(0, "EUR"));
        assertThat(f.ratio()).isNull();
        assertThat(f.verdict()).isEqualTo(Verdict.UNREALISTIC);
    }

    private Allocation allocation(TeamMember m, LocalDate from, LocalDate to) {
        return new Allocation(new AllocationId(UUID.randomUUID()), m.agencyId(), m.id(), project, 100, from, to, 0);
    }

    private static TeamMember member(String fte, long rate) {
        return new TeamMember(new TeamMemberId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), "M", null,
                List.of(), new BigDecimal(fte), Money.of(600_000, "EUR"), Money.of(rate, "EUR"), false, 0);
    }

    static Requirement requirement(String key, Priority priority, String days) {
        return new Requirement(key, key + " title", "As a user…", priority, new BigDecimal(days));
    }
}
