package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.staffing.MonthCapacity;
import io.cordee.core.staffing.MonthCapacity.ClientLoad;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** As of Monday 23 November 2026; defaults: above 30 % warns, above 50 % is critical. */
class CapacityConcentrationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final AlertThresholds DEFAULTS = AlertThresholds.defaults();
    private static final ClientId X = new ClientId(UUID.randomUUID());
    private static final ClientId Y = new ClientId(UUID.randomUUID());

    @ParameterizedTest(name = "share {0} in December → {1}")
    @CsvSource(nullValues = "none", value = {
            // 29.9999 % and exactly 30 % are not above 30 %
            "0.299999, none",
            "0.300000, none",
            // 30.0001 % is above the warning level
            "0.300001, WARNING",
            // exactly 50 % is still only a warning; 50.0001 % is critical
            "0.500000, WARNING",
            "0.500001, CRITICAL",
            // an over-allocated team can give more than 100 %
            "1.200000, CRITICAL"})
    void aroundTheThresholds(BigDecimal share, Severity expected) {
        List<Finding> findings = CapacityConcentration.findings(
                List.of(month(2026, 12, new ClientLoad(X, BigDecimal.TEN, share))), AS_OF, DEFAULTS);
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(expected);
                assertThat(f.magnitude()).isEqualByComparingTo(share);
            });
        }
    }

    @Test
    void oneFindingPerClientAtItsPeakComingMonth() {
        List<MonthCapacity> months = List.of(
                // October is past: its 90 % is history, not a warning
                month(2026, 10, new ClientLoad(X, BigDecimal.TEN, new BigDecimal("0.900000"))),
                // November (the as-of month) counts: 35 % > 30 %
                month(2026, 11, new ClientLoad(X, BigDecimal.TEN, new BigDecimal("0.350000")),
                        new ClientLoad(Y, BigDecimal.TEN, new BigDecimal("0.250000"))),
                // December and January both at 72 %: the peak is the first of them, December
                month(2026, 12, new ClientLoad(X, BigDecimal.TEN, new BigDecimal("0.720000"))),
                month(2027, 1, new ClientLoad(X, BigDecimal.TEN, new BigDecimal("0.720000")),
                        // Y at 25 % then 30 %: never above 30 %
                        new ClientLoad(Y, BigDecimal.TEN, new BigDecimal("0.300000"))));

        List<Finding> findings = CapacityConcentration.findings(months, AS_OF, DEFAULTS);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.CAPACITY_CONCENTRATION);
            assertThat(f.subject()).isEqualTo(AlertSubject.client(X));
            // 72 % > 50 % → critical
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.evidence().names()).containsExactly("peakShare", "peakMonth", "firstMonthAbove",
                    "monthsAboveWarning", "warningPercent");
            assertThat(f.evidence().figure("peakShare")).isEqualByComparingTo("0.72");
            assertThat(f.evidence().month("peakMonth")).isEqualTo(YearMonth.of(2026, 12));
            assertThat(f.evidence().month("firstMonthAbove")).isEqualTo(YearMonth.of(2026, 11));
            // November, December, January
            assertThat(f.evidence().figure("monthsAboveWarning")).isEqualByComparingTo("3");
            assertThat(f.linksToRenegotiation()).isTrue();
            assertThat(f.suggestedAction()).contains("72 %").contains("2026-12");
        });
    }

    @Test
    void anAgencyThatLowersItsWarningLevelSeesMore() {
        // 25 % > 20 %: a warning with thresholds 20 / 40
        AlertThresholds strict = new AlertThresholds(20, 40, 13, 26, 90, 50, 15, 30, 15, 15, 60, 14);
        assertThat(CapacityConcentration.findings(
                List.of(month(2026, 12, new ClientLoad(Y, BigDecimal.ONE, new BigDecimal("0.25")))), AS_OF, strict))
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    private static MonthCapacity month(int year, int month, ClientLoad... loads) {
        return new MonthCapacity(YearMonth.of(year, month), 20, new BigDecimal("100"), List.of(loads));
    }
}
