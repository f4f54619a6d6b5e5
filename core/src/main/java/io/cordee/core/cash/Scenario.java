package io.cordee.core.cash;

import io.cordee.core.client.ClientId;
import java.time.LocalDate;
import java.util.Map;

/**
 * A way of reading the future. Scenarios never write data: they change how invoices turn into cash.
 * <ul>
 *   <li>{@code BASE}: each client pays at its expected (median) delay;</li>
 *   <li>{@code STRESS}: each client pays at its 90th-percentile delay, and a start-up pays nothing
 *       after its runway ends;</li>
 *   <li>custom: the base, with adjustments per client.</li>
 * </ul>
 */
public record Scenario(Kind kind, Map<ClientId, ClientAdjustment> adjustments) {

    public enum Kind {
        BASE,
        STRESS,
        CUSTOM
    }

    /**
     * @param extraDelayDays added to the client's delay (negative: pays sooner)
     * @param defaultFrom    the client pays nothing expected on or after this date
     * @param paymentTermsDays other terms: due date = issue date + these days
     */
    public record ClientAdjustment(int extraDelayDays, LocalDate defaultFrom, Integer paymentTermsDays) {
    }

    public static final Scenario BASE = new Scenario(Kind.BASE, Map.of());
    public static final Scenario STRESS = new Scenario(Kind.STRESS, Map.of());

    public static Scenario custom(Map<ClientId, ClientAdjustment> adjustments) {
        return new Scenario(Kind.CUSTOM, Map.copyOf(adjustments));
    }
}
