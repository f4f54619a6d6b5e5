package io.cordee.core.client;

import java.time.LocalDate;

/**
 * What a start-up lives on: its stage, the date its cash runs out, and its next funding round. Any
 * field may be unknown.
 */
public record FundingProfile(FundingStage stage, LocalDate runwayEnd, LocalDate nextRoundExpected,
                             RoundStatus nextRoundStatus) {
}
