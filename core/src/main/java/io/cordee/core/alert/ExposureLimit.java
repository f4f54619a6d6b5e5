package io.cordee.core.alert;

import io.cordee.core.cash.Exposure;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code EXPOSURE_LIMIT}: a client's peak exposure over the horizon <em>exceeds</em>
 * {@code exposurePercentOfOpening} % of the opening balance, compared exactly in minor units
 * (peak × 100 &gt; % × opening; at exactly 50 % nothing fires). No exposure (peak 0) never fires; with an
 * opening balance of 0 or less, any positive peak does.
 *
 * <p>Severity: a warning. Magnitude: the peak in minor units (the client's fact; the opening balance
 * moves with every payment). Evidence: peakExposure, peakWeek, weeksAboveZero, openingBalance, limit
 * (rounded half up to the minor unit).
 */
public final class ExposureLimit implements AlertRule {

    public record ClientExposure(ClientId client, Exposure.Series series) {
        public ClientExposure {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(series, "series");
        }
    }

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public ExposureLimit() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.exposures(), context.baseForecast().opening(), context.thresholds());
    }

    public static List<Finding> findings(List<ClientExposure> exposures, Money openingBalance,
                                         AlertThresholds thresholds) {
        int percent = thresholds.exposurePercentOfOpening();
        List<Finding> findings = new ArrayList<>();
        for (ClientExposure e : exposures) {
            Money peak = e.series().peak();
            BigDecimal peakTimes100 = BigDecimal.valueOf(peak.minorUnits()).multiply(BigDecimal.valueOf(100));
            BigDecimal limitTimes100 = BigDecimal.valueOf(openingBalance.minorUnits()).multiply(BigDecimal.valueOf(percent));
            if (peak.minorUnits() <= 0 || peakTimes100.compareTo(limitTimes100) <= 0) {
                continue;
            }
            Money limit = new Money(limitTimes100.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                    .longValueExact(), openingBalance.currency());
            Evidence evidence = Evidence.empty()
                    .with("peakExposure", peak)
                    .with("peakWeek", e.series().peakWeek())
                    .with("weeksAboveZero", e.series().weeksAboveZero())
                    .with("openingBalance", openingBalance)
                    .with("limit", limit);
            findings.add(Finding.of(AlertKind.EXPOSURE_LIMIT, Severity.WARNING, AlertSubject.client(e.client()),
                    evidence, BigDecimal.valueOf(peak.minorUnits()),
                    "The agency carries up to " + peak + " of work not yet paid by this client, more than " + percent
                            + " % of its cash: propose a deposit, monthly billing or shorter terms."));
        }
        return findings;
    }
}
