package io.cordee.core.cash;

import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.Validator;
import java.util.EnumMap;
import java.util.Map;

/**
 * An agency's settings of the probabilistic forecast (ADR 48): the probability, in %, that a start-up's
 * next round fails given its status, and the probability of going under the safety threshold within
 * 13 weeks above which {@code CASH_RISK} fires.
 *
 * @param roundFailurePercent per round status, 0–100 (a status not given fails with 0 %)
 * @param cashRiskPercent     {@code CASH_RISK} fires when P(under within 13 weeks) is above this, 1–100
 * @param version             the stored version; null while the defaults were never saved
 */
public record CashRiskSettings(Map<RoundStatus, Integer> roundFailurePercent, int cashRiskPercent, Long version) {

    /** The defaults: a round in doubt fails one time in two; a failed one always; a signed one never. */
    public static final Map<RoundStatus, Integer> DEFAULT_FAILURE = Map.of(
            RoundStatus.NOT_STARTED, 30,
            RoundStatus.IN_PROGRESS, 20,
            RoundStatus.IN_DOUBT, 50,
            RoundStatus.SIGNED, 0,
            RoundStatus.FAILED, 100);
    public static final int DEFAULT_CASH_RISK_PERCENT = 20;

    public CashRiskSettings {
        EnumMap<RoundStatus, Integer> all = new EnumMap<>(RoundStatus.class);
        Validator v = new Validator().range("cashRiskPercent", cashRiskPercent, 1, 100);
        for (RoundStatus status : RoundStatus.values()) {
            int percent = roundFailurePercent.getOrDefault(status, 0);
            v.range("roundFailurePercent." + status.name(), percent, 0, 100);
            all.put(status, percent);
        }
        v.throwIfInvalid();
        roundFailurePercent = Map.copyOf(all);
    }

    public static CashRiskSettings defaults() {
        return new CashRiskSettings(DEFAULT_FAILURE, DEFAULT_CASH_RISK_PERCENT, null);
    }

    /** The probability, 0–1, that a round of this status fails; 0 when the status is unknown. */
    public double failureProbability(RoundStatus status) {
        return status == null ? 0 : roundFailurePercent.get(status) / 100.0;
    }
}
