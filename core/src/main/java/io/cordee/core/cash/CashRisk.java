package io.cordee.core.cash;

import io.cordee.core.client.Client;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The probabilistic forecast (DESIGN.md, Forecast under uncertainty; ADR 48): per week the P10 / P50 /
 * P90 closing balance over the paths, the deterministic base forecast's closing beside them, and the
 * share of paths closing under the safety threshold; overall the share of paths going under it within
 * 13, 26 and 52 weeks (null when the horizon is shorter), the expected shortfall, and the clients whose
 * missing cash weighs most in the paths that went under.
 *
 * @param expectedShortfall the mean over all paths of max(0, threshold − the path's lowest closing balance)
 */
public record CashRisk(LocalDate asOf, int paths, long seed, Money safetyThreshold, Money opening, List<Week> weeks,
                       Double probabilityUnderWithin13Weeks, Double probabilityUnderWithin26Weeks,
                       Double probabilityUnderWithin52Weeks, Money expectedShortfall, List<ClientWeight> badPathClients) {

    public record Week(LocalDate monday, Money p10, Money p50, Money p90, Money base, double probabilityUnder) {
    }

    /**
     * A client's weight in the paths that went under: on average over those paths, the cash the base
     * forecast expected from it by the path's first week under the threshold that the path did not bring
     * by then; {@code share} of the total of all clients' missing cash.
     */
    public record ClientWeight(Client client, Money missingCash, double share) {
    }
}
