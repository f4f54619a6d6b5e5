package io.cordee.core.alert;

import io.cordee.core.cash.CashRisk;
import io.cordee.core.cash.CashRiskSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code CASH_RISK} (ADR 48): the probabilistic forecast's probability of going under the safety
 * threshold within 13 weeks is above the agency's threshold (default 20 %). A warning; critical from
 * twice the threshold. About the agency as a whole. Its fact is a Monte Carlo run, which the evaluation's
 * {@link AlertContextLoader} makes after the picture is read ({@link AlertContext#cashRisk()}, null without
 * a bank balance: then nothing fires).
 *
 * <p>Magnitude: the probability in basis points. Evidence: probabilityWithin13Weeks (0–1, 3 decimals),
 * thresholdPercent, paths, expectedShortfall, and the client weighing most in the bad paths with its
 * share (topClient, topClientShare) when there is one.
 */
public final class CashRiskRule implements AlertRule {

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public CashRiskRule() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return context.cashRisk() == null ? List.of() : findings(context.cashRisk(), context.cashRiskSettings());
    }

    public static List<Finding> findings(CashRisk risk, CashRiskSettings settings) {
        Double probability = risk.probabilityUnderWithin13Weeks();
        if (probability == null || probability * 100 <= settings.cashRiskPercent()) {
            return List.of();
        }
        Severity severity = probability * 100 >= 2.0 * settings.cashRiskPercent() ? Severity.CRITICAL : Severity.WARNING;
        BigDecimal p = BigDecimal.valueOf(probability).setScale(3, RoundingMode.HALF_UP);
        Evidence evidence = Evidence.empty()
                .with("probabilityWithin13Weeks", p)
                .with("thresholdPercent", settings.cashRiskPercent())
                .with("paths", risk.paths())
                .with("expectedShortfall", risk.expectedShortfall());
        if (!risk.badPathClients().isEmpty()) {
            CashRisk.ClientWeight top = risk.badPathClients().get(0);
            evidence = evidence.with("topClient", top.client().name())
                    .with("topClientShare", BigDecimal.valueOf(top.share()).setScale(3, RoundingMode.HALF_UP));
        }
        long percent = Math.round(probability * 100);
        return List.of(Finding.of(AlertKind.CASH_RISK, severity, AlertSubject.agency(), evidence,
                BigDecimal.valueOf(Math.round(probability * 10_000)),
                "In " + percent + " % of " + risk.paths() + " simulated futures cash goes below the safety threshold"
                        + " within 13 weeks: chase the clients that weigh most on those futures, or secure a deposit."));
    }
}
