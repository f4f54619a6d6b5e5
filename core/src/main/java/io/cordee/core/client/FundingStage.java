package io.cordee.core.client;

public enum FundingStage {
    BOOTSTRAPPED,
    PRE_SEED,
    SEED,
    SERIES_A,
    SERIES_B,
    LATER
}
