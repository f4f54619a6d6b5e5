package io.cordee.core.cash;

import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The forecast: one bucket per ISO week (Monday first; the first one starts on the as-of date), the
 * opening balance, the lowest closing balance and its week, and the first week that closes under the
 * safety threshold (null if none); and the clients the inflows come from.
 */
public record CashForecast(LocalDate asOf, Money safetyThreshold, Money opening, List<Week> weeks,
                           Money lowestBalance, LocalDate lowestWeek, LocalDate firstWeekBelowThreshold,
                           Map<ClientId, Client> clients) {

    public record Week(LocalDate monday, Money inflow, Money outflow, Money closing,
                       Map<ClientId, Money> inflowByClient) {
    }
}
