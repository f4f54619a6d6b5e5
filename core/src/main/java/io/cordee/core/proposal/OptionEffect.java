package io.cordee.core.proposal;

import io.cordee.core.money.Money;

/**
 * What an option changes, computed by the forecast engine: the client's peak exposure and the agency's
 * lowest forecast balance, without and with the option, and the differences (option − base: a lower
 * peak is a negative {@code peakExposureChange}, a better balance a positive {@code lowestBalanceLift}).
 */
public record OptionEffect(ProposalOption option, Money basePeakExposure, Money optionPeakExposure,
                           Money baseLowestBalance, Money optionLowestBalance) {

    public Money peakExposureChange() {
        return optionPeakExposure.minus(basePeakExposure);
    }

    public Money lowestBalanceLift() {
        return optionLowestBalance.minus(baseLowestBalance);
    }
}
