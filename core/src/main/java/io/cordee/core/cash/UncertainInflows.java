package io.cordee.core.cash;

import java.util.SplittableRandom;

/**
 * Cash that may or may not come, drawn once per path of the probabilistic forecast. The pipeline's
 * deals (issue 17, point 5, not built yet) plug in here: a deal is won in a path with its probability,
 * and then its billing plan's invoices add to the weeks they are expected in (ADR 48).
 */
public interface UncertainInflows {

    /**
     * Adds this path's cash, in minor units, to {@code inflowByWeek} (index 0: the as-of week). Draws
     * only from {@code random}, so that a seed still fixes the whole run.
     */
    void draw(SplittableRandom random, long[] inflowByWeek);
}
