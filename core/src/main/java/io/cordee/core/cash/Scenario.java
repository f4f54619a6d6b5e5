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
     * @param extraDelayDays   added to the client's delay (negative: pays sooner)
     * @param defaultFrom      the client pays nothing expected on or after this date
     * @param paymentTermsDays other terms: due date = issue date + these days
     * @param depositPercent   what is left to invoice starts with a deposit of this share, invoiced on the
     *                         as-of date (or the project start if later)
     * @param monthlyInArrears what is left to invoice (after any deposit) is invoiced in equal parts at the
     *                         end of each month up to the launch
     */
    public record ClientAdjustment(int extraDelayDays, LocalDate defaultFrom, Integer paymentTermsDays,
                                   Integer depositPercent, boolean monthlyInArrears) {

        public ClientAdjustment(int extraDelayDays, LocalDate defaultFrom, Integer paymentTermsDays) {
            this(extraDelayDays, defaultFrom, paymentTermsDays, null, false);
        }

        /** True when the adjustment re-plans the client's invoices, not only when they are paid. */
        public boolean changesBilling() {
            return (depositPercent != null && depositPercent > 0) || monthlyInArrears;
        }
    }

    public boolean changesBilling() {
        return adjustments.values().stream().anyMatch(ClientAdjustment::changesBilling);
    }

    public static final Scenario BASE = new Scenario(Kind.BASE, Map.of());
    public static final Scenario STRESS = new Scenario(Kind.STRESS, Map.of());

    public static Scenario custom(Map<ClientId, ClientAdjustment> adjustments) {
        // in the order given, so that an error can name the adjustment's position (ScenarioCheck)
        return new Scenario(Kind.CUSTOM, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(adjustments)));
    }
}
