package io.cordee.core.alert;

import io.cordee.core.client.ClientId;
import io.cordee.core.staffing.MonthCapacity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CAPACITY_CONCENTRATION}: a client's capacity share in a coming month (the as-of month and
 * later; earlier months are ignored) <em>exceeds</em> the warning % (strictly above: 30 % exactly is
 * fine), critical above the critical %. One finding per client, not per month, so the alert does not
 * churn as months pass: its severity and magnitude are those of the client's peak month.
 *
 * <p>Magnitude: the peak share (0–1). Evidence: peakShare, peakMonth, firstMonthAbove,
 * monthsAboveWarning, warningPercent.
 */
public final class CapacityConcentration implements AlertRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public CapacityConcentration() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.comingMonths(), context.asOf(), context.thresholds());
    }

    public static List<Finding> findings(List<MonthCapacity> months, LocalDate asOf, AlertThresholds thresholds) {
        YearMonth current = YearMonth.from(asOf);
        Map<ClientId, List<Load>> above = new LinkedHashMap<>();
        months.stream().filter(m -> !m.month().isBefore(current))
                .sorted(Comparator.comparing(MonthCapacity::month))
                .forEach(m -> m.clients().forEach(c -> {
                    if (exceeds(c.share(), thresholds.capacityWarningPercent())) {
                        above.computeIfAbsent(c.clientId(), k -> new ArrayList<>()).add(new Load(m.month(), c.share()));
                    }
                }));
        List<Finding> findings = new ArrayList<>();
        above.forEach((client, loads) -> {
            // the first month with the highest share
            Load peak = loads.stream().reduce((a, b) -> b.share.compareTo(a.share) > 0 ? b : a).orElseThrow();
            Severity severity = exceeds(peak.share, thresholds.capacityCriticalPercent()) ? Severity.CRITICAL
                    : Severity.WARNING;
            Evidence evidence = Evidence.empty()
                    .with("peakShare", peak.share)
                    .with("peakMonth", peak.month)
                    .with("firstMonthAbove", loads.get(0).month)
                    .with("monthsAboveWarning", loads.size())
                    .with("warningPercent", thresholds.capacityWarningPercent());
            findings.add(Finding.of(AlertKind.CAPACITY_CONCENTRATION, severity, AlertSubject.client(client), evidence,
                    peak.share, "This client takes " + percent(peak.share) + " % of the team's capacity in "
                            + peak.month + ": propose adapted payment terms (deposit, monthly billing)."));
        });
        return findings;
    }

    private static boolean exceeds(BigDecimal share, int percent) {
        return share.movePointRight(2).compareTo(BigDecimal.valueOf(percent)) > 0;
    }

    private static String percent(BigDecimal share) {
        return share.multiply(HUNDRED).stripTrailingZeros().toPlainString();
    }

    private record Load(YearMonth month, BigDecimal share) {
    }
}
