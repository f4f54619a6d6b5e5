package io.cordee.core.alert;

import io.cordee.core.cash.CashForecast;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code CASH_SHORTFALL}: the base forecast closes a week below the safety threshold. The as-of week
 * is week 1; the first week below it decides the severity: within {@code cashCriticalWeeks} (week 13
 * included) critical, within {@code cashWarningWeeks} (26 included) a warning, later in the forecast's
 * horizon information only. About the agency as a whole, so there is no client to renegotiate with.
 *
 * <p>Magnitude: the shortfall, safety threshold − lowest closing balance, in minor units (deeper is
 * worse). Evidence: firstWeekBelow, weeksAhead, safetyThreshold, lowestBalance, lowestWeek, shortfall.
 */
public final class CashShortfall implements AlertRule {

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public CashShortfall() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.baseForecast(), context.thresholds());
    }

    public static List<Finding> findings(CashForecast base, AlertThresholds thresholds) {
        if (base.firstWeekBelowThreshold() == null || base.weeks().isEmpty()) {
            return List.of();
        }
        long week = ChronoUnit.WEEKS.between(base.weeks().get(0).monday(), base.firstWeekBelowThreshold()) + 1;
        Severity severity = week <= thresholds.cashCriticalWeeks() ? Severity.CRITICAL
                : week <= thresholds.cashWarningWeeks() ? Severity.WARNING : Severity.INFO;
        var shortfall = base.safetyThreshold().minus(base.lowestBalance());
        Evidence evidence = Evidence.empty()
                .with("firstWeekBelow", base.firstWeekBelowThreshold())
                .with("weeksAhead", week)
                .with("safetyThreshold", base.safetyThreshold())
                .with("lowestBalance", base.lowestBalance())
                .with("lowestWeek", base.lowestWeek())
                .with("shortfall", shortfall);
        return List.of(Finding.of(AlertKind.CASH_SHORTFALL, severity, AlertSubject.agency(), evidence,
                BigDecimal.valueOf(shortfall.minorUnits()),
                "Cash goes below the safety threshold in week " + week + " (from " + base.firstWeekBelowThreshold()
                        + "): bring invoices forward or renegotiate the terms of the clients with the largest exposure."));
    }
}
