package io.cordee.core.deal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a deal stands: LEAD → PROPOSAL → WON or LOST. WON and LOST are final; WON is reached only by
 * winning the deal (which makes its project), never by a plain move.
 */
public enum DealStage {
    LEAD,
    PROPOSAL,
    WON,
    LOST;

    public boolean isFinal() {
        return this == WON || this == LOST;
    }

    /** The stages a plain move may take a deal to from this one. */
    public Set<DealStage> movesTo() {
        return switch (this) {
            case LEAD -> EnumSet.of(PROPOSAL, LOST);
            case PROPOSAL -> EnumSet.of(LEAD, LOST);
            case WON, LOST -> EnumSet.noneOf(DealStage.class);
        };
    }
}
