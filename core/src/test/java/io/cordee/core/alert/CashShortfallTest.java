package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.cash.CashForecast;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * As of Wednesday 25 November 2026: week 1 is the one of Monday 23 November, week n starts on
 * 23 November + (n − 1) weeks. Safety threshold 100 000.00 EUR, lowest balance 85 000.00 EUR:
 * shortfall 15 000.00 EUR = 1 500 000 cents.
 */
class CashShortfallTest {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 23);
    private static final Money THRESHOLD = Money.of(10_000_000, "EUR");
    private static final Money LOWEST = Money.of(8_500_000, "EUR");

    @ParameterizedTest(name = "first below in week {0} → {1}")
    @CsvSource({
            // within 13 weeks (13 included): critical
            "1, CRITICAL",
            "13, CRITICAL",
            // week 14 to 26 (26 included): warning
            "14, WARNING",
            "26, WARNING",
            // later within the 52-week horizon: information
            "27, INFO",
            "52, INFO"})
    void severityByTheWeekItGoesBelow(int week, Severity expected) {
        LocalDate monday = FIRST_MONDAY.plusWeeks(week - 1L);
        List<Finding> findings = CashShortfall.findings(forecast(monday), AlertThresholds.defaults());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(expected);
            assertThat(f.evidence().figure("weeksAhead")).isEqualByComparingTo(String.valueOf(week));
            assertThat(f.evidence().day("firstWeekBelow")).isEqualTo(monday);
        });
    }

    @Test
    void theEvidenceAndMagnitudeAreTheShortfall() {
        // week 14 starts on 23 Nov + 13 weeks = 22 February 2027
        Finding f = CashShortfall.findings(forecast(LocalDate.of(2027, 2, 22)), AlertThresholds.defaults()).get(0);

        assertThat(f.kind()).isEqualTo(AlertKind.CASH_SHORTFALL);
        assertThat(f.subject()).isEqualTo(AlertSubject.agency());
        assertThat(f.evidence().names()).containsExactly("firstWeekBelow", "weeksAhead", "safetyThreshold",
                "lowestBalance", "lowestWeek", "shortfall");
        // 100 000.00 − 85 000.00
        assertThat(f.evidence().amount("shortfall")).isEqualTo(Money.of(1_500_000, "EUR"));
        assertThat(f.magnitude()).isEqualByComparingTo("1500000");
        // agency-wide: no client to renegotiate with
        assertThat(f.linksToRenegotiation()).isFalse();
    }

    @Test
    void aForecastThatStaysAboveTheThresholdIsQuiet() {
        assertThat(CashShortfall.findings(forecast(null), AlertThresholds.defaults())).isEmpty();
    }

    /** A 52-week forecast whose only facts that matter here are its first week below and its lowest point. */
    private static CashForecast forecast(LocalDate firstBelow) {
        Money zero = Money.of(0, "EUR");
        List<CashForecast.Week> weeks = new ArrayList<>();
        for (int w = 0; w < 52; w++) {
            weeks.add(new CashForecast.Week(FIRST_MONDAY.plusWeeks(w), zero, zero, THRESHOLD, Map.of()));
        }
        return new CashForecast(LocalDate.of(2026, 11, 25), THRESHOLD, THRESHOLD, weeks,
                firstBelow == null ? THRESHOLD : LOWEST, firstBelow == null ? FIRST_MONDAY : firstBelow, firstBelow,
                Map.of());
    }
}
