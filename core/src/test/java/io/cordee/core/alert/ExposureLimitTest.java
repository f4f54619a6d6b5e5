package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.alert.ExposureLimit.ClientExposure;
import io.cordee.core.cash.Exposure;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Default: a peak exposure above 50 % of the opening balance warns. Amounts in cents. */
class ExposureLimitTest {

    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());
    private static final LocalDate PEAK_WEEK = LocalDate.of(2027, 2, 1);

    @ParameterizedTest(name = "peak {0} against opening {1} fires: {2}")
    @CsvSource({
            // opening 100 000.00 EUR → limit 50 000.00 = 5 000 000 cents
            "4999999, 10000000, false",
            "5000000, 10000000, false",
            "5000001, 10000000, true",
            // opening 0.03 → limit 0.015: exact, so a peak of 0.02 is above it (2 × 100 = 200 > 50 × 3 = 150)
            "2, 3, true",
            "1, 3, false",
            // no cash at all: any exposure exceeds half of it, and no exposure never fires
            "1, 0, true",
            "0, -100000, false"})
    void aroundHalfTheOpeningBalance(long peak, long opening, boolean fires) {
        List<Finding> findings = ExposureLimit.findings(List.of(exposure(peak)), Money.of(opening, "EUR"),
                AlertThresholds.defaults());
        assertThat(findings).hasSize(fires ? 1 : 0);
        findings.forEach(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.magnitude()).isEqualByComparingTo(String.valueOf(peak));
        });
    }

    @Test
    void theEvidenceShowsThePeakAndTheLimit() {
        // opening 120 000.00 → limit 60 000.00; peak 84 000.00 for 19 weeks
        Finding f = ExposureLimit.findings(List.of(exposure(8_400_000)), Money.of(12_000_000, "EUR"),
                AlertThresholds.defaults()).get(0);

        assertThat(f.kind()).isEqualTo(AlertKind.EXPOSURE_LIMIT);
        assertThat(f.subject()).isEqualTo(AlertSubject.client(CLIENT));
        assertThat(f.evidence().names()).containsExactly("peakExposure", "peakWeek", "weeksAboveZero",
                "openingBalance", "limit");
        assertThat(f.evidence().amount("peakExposure")).isEqualTo(Money.of(8_400_000, "EUR"));
        assertThat(f.evidence().amount("limit")).isEqualTo(Money.of(6_000_000, "EUR"));
        assertThat(f.evidence().day("peakWeek")).isEqualTo(PEAK_WEEK);
        assertThat(f.evidence().figure("weeksAboveZero")).isEqualByComparingTo("19");
        assertThat(f.linksToRenegotiation()).isTrue();
    }

    private static ClientExposure exposure(long peakCents) {
        Money peak = Money.of(peakCents, "EUR");
        return new ClientExposure(CLIENT, new Exposure.Series(List.of(new Exposure.Point(PEAK_WEEK, peak)), peak,
                peakCents > 0 ? PEAK_WEEK : null, 19));
    }
}
