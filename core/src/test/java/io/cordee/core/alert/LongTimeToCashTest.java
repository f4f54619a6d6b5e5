package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.alert.LongTimeToCash.ProjectCash;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A project started on 1 September 2026. 90 days later is 30 November
 * (September 29 more days, October 31, November 30: 29 + 31 + 30 = 90).
 */
class LongTimeToCashTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final ProjectId PROJECT = new ProjectId(UUID.randomUUID());
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());

    @ParameterizedTest(name = "first cash on {0} ({1} days) fires: {2}")
    @CsvSource({
            "2026-11-29, 89, false",
            // exactly 90 days does not exceed 90
            "2026-11-30, 90, false",
            "2026-12-01, 91, true",
            // the demo's enterprise: first cash about 4 months after the start
            "2027-01-04, 125, true"})
    void aroundNinetyDays(LocalDate firstReceipt, long days, boolean fires) {
        List<Finding> findings = LongTimeToCash.findings(
                List.of(new ProjectCash(PROJECT, CLIENT, START, firstReceipt, false)), AlertThresholds.defaults());
        if (!fires) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.LONG_TIME_TO_CASH);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.subject()).isEqualTo(AlertSubject.project(PROJECT, CLIENT));
            assertThat(f.magnitude()).isEqualByComparingTo(String.valueOf(days));
            assertThat(f.evidence().names()).containsExactly("projectStart", "firstReceipt", "daysToFirstCash",
                    "limitDays");
            assertThat(f.evidence().figure("daysToFirstCash")).isEqualByComparingTo(String.valueOf(days));
            assertThat(f.linksToRenegotiation()).isTrue();
        });
    }

    @Test
    void onceTheFirstCashIsInOrWhenNoneIsExpectedItIsQuiet() {
        // started 1 June, paid 20 November: 29 + 31 + 31 + 30 + 31 + 20 = 172 days, but the money is in
        ProjectCash paid = new ProjectCash(PROJECT, CLIENT, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 20), true);
        // no receipt expected: a missing billing plan, not a measured delay
        ProjectCash none = new ProjectCash(PROJECT, CLIENT, START, null, false);
        assertThat(LongTimeToCash.findings(List.of(paid, none), AlertThresholds.defaults())).isEmpty();
    }

    @Test
    void anExpectedFirstCashThatIsLateStillCounts() {
        // started 1 June, expected 20 November (172 days) and not received: it still fires, measured to the
        // expected date rather than to today, so the magnitude does not grow by itself every day
        ProjectCash late = new ProjectCash(PROJECT, CLIENT, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 20), false);
        assertThat(LongTimeToCash.findings(List.of(late), AlertThresholds.defaults())).singleElement()
                .satisfies(f -> assertThat(f.magnitude()).isEqualByComparingTo("172"));
    }
}
